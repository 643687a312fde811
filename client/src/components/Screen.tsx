import type { PropsWithChildren } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Tappable } from './Tappable';
import { back, isTabRoute, restart, ROUTES } from '../routes';

/**
 * The frame of every page. The mini program shows the title in its navigation bar, with a back arrow, or a
 * home button on a page opened directly from a share card; the browser build has none of it, so the title
 * and a way back and home are drawn in the page there (tab pages have the tab bar instead).
 */
export function Screen({ title, className, children }: PropsWithChildren<{ title: string; className?: string }>) {
  return (
    <View className={`screen ${className ?? ''}`}>
      {process.env.TARO_ENV === 'h5' ? <BrowserBar title={title} /> : null}
      {children}
    </View>
  );
}

function BrowserBar({ title }: { title: string }) {
  const { path } = useRouter();
  const route = path.split('?')[0];
  const onTab = isTabRoute(route.startsWith('/') ? route : `/${route}`);
  return (
    <View className="screen__bar">
      {onTab ? null : (
        <Tappable className="screen__nav screen__back" label="返回" onTap={back}>
          ‹ 返回
        </Tappable>
      )}
      <View className="screen__title">
        {title}
      </View>
      {onTab ? null : (
        <Tappable className="screen__nav screen__home" onTap={() => restart(ROUTES.home)}>
          首页
        </Tappable>
      )}
    </View>
  );
}

/** A titled block of the page, in the grouped-list style of WeChat settings. */
export function Section({ title, className, children }: PropsWithChildren<{ title?: string; className?: string }>) {
  return (
    <View className={`section ${className ?? ''}`}>
      {title ? <View className="section__title">{title}</View> : null}
      <View className="section__body">{children}</View>
    </View>
  );
}

import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

/**
 * The frame of every page. The mini program shows the title in its navigation bar; the browser build has
 * none, so the title is drawn in the page there.
 */
export function Screen({ title, className, children }: PropsWithChildren<{ title: string; className?: string }>) {
  return (
    <View className={`screen ${className ?? ''}`}>
      {process.env.TARO_ENV === 'h5' ? <View className="screen__title">{title}</View> : null}
      {children}
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

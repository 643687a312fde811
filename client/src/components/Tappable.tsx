import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

const H5 = process.env.TARO_ENV === 'h5';

interface Props {
  className?: string;
  /** What a screen reader announces, when the text alone does not say it (e.g. 显示 → 显示密码). */
  label?: string;
  onTap: () => void;
}

/**
 * A text that acts (a link, 删除, 显示): a button to screen readers and the keyboard in the browser
 * (role, tab stop, Enter and Space), at least 44 px high (`.tappable`).
 */
export function Tappable({ className, label, onTap, children }: PropsWithChildren<Props>) {
  const a11y = H5
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-label': label,
        onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault?.();
          onTap();
        },
      }
    : { ariaRole: 'button', ariaLabel: label };
  return (
    <View className={`tappable ${className ?? ''}`} onClick={onTap} {...a11y}>
      {children}
    </View>
  );
}

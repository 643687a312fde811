import type { CSSProperties } from 'react';
import { Image } from '@tarojs/components';

interface Props {
  src: string;
  /** What the image shows, read out by screen readers. */
  alt: string;
  className?: string;
  mode?: 'aspectFill' | 'aspectFit' | 'widthFix';
  style?: CSSProperties;
}

/** An image with its text alternative: `alt` on the browser's <img>, `aria-label` in the mini program. */
export function Picture({ src, alt, className, mode, style }: Props) {
  const described = process.env.TARO_ENV === 'h5' ? { nativeProps: { alt } } : { ariaLabel: alt };
  return <Image className={className} src={src} mode={mode} style={style} {...described} />;
}

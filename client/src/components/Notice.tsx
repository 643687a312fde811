import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

type Tone = 'error' | 'warn' | 'info' | 'success';

/** An inline message: a refusal that belongs to no field, a warning, or the result of an action. */
export function Notice({ tone = 'error', className, children }: PropsWithChildren<{ tone?: Tone; className?: string }>) {
  if (children === null || children === undefined || children === false || children === '') return null;
  const role = tone === 'error' ? 'form-error' : `notice-${tone}`;
  return <View className={`notice notice--${tone} ${role} ${className ?? ''}`}>{children}</View>;
}

import Taro from '@tarojs/taro';

/**
 * What a form holds, kept on the device as it is typed, so closing the mini-program (or a failed save) loses
 * nothing even before the server has it. `savedAt` says which is newer, this copy or the server's.
 */
export interface DeviceCopy<T> {
  content: T;
  savedAt: string;
}

export function readDeviceCopy<T>(key: string): DeviceCopy<T> | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    if (value && typeof value === 'object' && 'content' in value && 'savedAt' in value) return value as DeviceCopy<T>;
  } catch {
    // Storage unavailable: the server copy is used.
  }
  return null;
}

export function writeDeviceCopy<T>(key: string, content: T): void {
  try {
    Taro.setStorageSync(key, { content, savedAt: new Date().toISOString() } satisfies DeviceCopy<T>);
  } catch {
    // Storage full or unavailable: the server copy still saves.
  }
}

export function clearDeviceCopy(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to clear.
  }
}

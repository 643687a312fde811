import Taro from '@tarojs/taro';

/** A token kept in Taro storage under `key`, so it survives a reload; an empty or unreadable value is none. */
export function storedToken(key: string) {
  return {
    read(): string | null {
      try {
        const value: unknown = Taro.getStorageSync(key);
        return typeof value === 'string' && value !== '' ? value : null;
      } catch {
        return null;
      }
    },
    save(token: string): void {
      Taro.setStorageSync(key, token);
    },
    clear(): void {
      try {
        Taro.removeStorageSync(key);
      } catch {
        // Storage unavailable: nothing was kept, so nothing to clear.
      }
    },
  };
}

/** The session token from `account.signIn`. */
const session = storedToken('session-token');
export const readToken = session.read;
export const saveToken = session.save;
export const clearToken = session.clear;

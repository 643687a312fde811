import Taro from '@tarojs/taro';

/** The session token from `account.signIn`, kept in Taro storage so it survives a reload. */
const TOKEN_KEY = 'session-token';

export function readToken(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY);
  } catch {
    // Storage unavailable: nothing was kept, so nothing to clear.
  }
}

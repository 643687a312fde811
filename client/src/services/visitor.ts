import Taro from '@tarojs/taro';

/**
 * The public visitor's token over HTTP (H5): issued by `openweek.startVisit`, kept in storage, sent in
 * its own header (X-Visitor-Token). In the mini-program the OPENID is the visitor and none is kept.
 */
const VISITOR_KEY = 'visitor-token';

export function readVisitorToken(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(VISITOR_KEY);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function saveVisitorToken(token: string): void {
  Taro.setStorageSync(VISITOR_KEY, token);
}

export function clearVisitorToken(): void {
  try {
    Taro.removeStorageSync(VISITOR_KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

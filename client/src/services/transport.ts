import Taro from '@tarojs/taro';
import type { Envelope } from '../../../shared/envelope';
import { isErrorCode } from '../../../shared/errors';
import { readToken } from './token';
import { readVisitorToken } from './visitor';

/**
 * The wire: how one action reaches its cloud function and how the answer comes back.
 * weapp → `Taro.cloud.callFunction` (WeChat supplies the caller's identity); h5 → `POST /api/<fn>` on the
 * local host with the session token (and the public visitor's token, in its own header). Either way the answer is the function's envelope. Nothing here throws:
 * a fault on the way (no network, a proxy's HTML page, a timeout) becomes an INTERNAL envelope.
 */
export const NETWORK_FAULT: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '网络异常，请稍后重试' },
};

let cloudReady = false;

/**
 * Once per launch, before the first call. Only the mini program has `Taro.cloud`; where it is missing
 * (a base library without cloud, a test harness) calls answer the network fault instead of crashing launch.
 */
export function initTransport(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return;
  try {
    Taro.cloud.init({
      // wx.cloud accepts its DYNAMIC_CURRENT_ENV symbol here; Taro's typings only list strings.
      env: CLOUDBASE_ENV || (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV,
      traceUser: true,
    });
    cloudReady = true;
  } catch (error) {
    console.error('Taro.cloud.init failed', error);
  }
}

/** Accepts only what a function answers; anything else means the answer did not come from it. */
function asEnvelope(value: unknown): Envelope<unknown> | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true && 'data' in v) return { ok: true, data: v.data };
  if (v.ok === false && v.error && isErrorCode(v.error.code) && typeof v.error.message === 'string') {
    return { ok: false, error: v.error as Extract<Envelope<unknown>, { ok: false }>['error'] };
  }
  return null;
}

export async function send(fn: string, action: string, data: unknown): Promise<Envelope<unknown>> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      initTransport();
      const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
      return asEnvelope(res.result) ?? NETWORK_FAULT;
    }
    const token = readToken();
    const visitor = readVisitorToken();
    const res = await Taro.request({
      url: `/api/${fn}`,
      method: 'POST',
      data: { action, data },
      dataType: 'json',
      header: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(visitor ? { 'X-Visitor-Token': visitor } : {}),
      },
    });
    return asEnvelope(res.data) ?? NETWORK_FAULT;
  } catch {
    return NETWORK_FAULT;
  }
}

import type { ActionName, FunctionName } from '../../../shared/contract';
import { call, type CallInput, type CallResult } from './call';
import { clearVisitorToken, readVisitorToken, saveVisitorToken } from './visitor';

/**
 * Calls made as a public visitor (open week, evaluation). In H5 a visitor token is fetched once and kept;
 * a refused token (VISITOR_REQUIRED) is replaced and the call tried once more. In the mini-program the
 * OPENID is the visitor and nothing is fetched.
 */
let starting: Promise<void> | null = null;

async function ensureVisitor(): Promise<void> {
  if (process.env.TARO_ENV === 'weapp' || readVisitorToken()) return;
  starting ??= (async () => {
    const result = await call('openweek', 'startVisit', {});
    if (result.ok && result.data.visitorToken) saveVisitorToken(result.data.visitorToken);
  })().finally(() => {
    starting = null;
  });
  await starting;
}

export async function asVisitor<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: CallInput<F, A>): Promise<CallResult<F, A>> {
  await ensureVisitor();
  const result = await call(fn, action, input);
  if (!result.ok && result.error.code === 'VISITOR_REQUIRED' && process.env.TARO_ENV !== 'weapp') {
    clearVisitorToken();
    await ensureVisitor();
    return call(fn, action, input);
  }
  return result;
}

/** One action called as the public visitor, as a named, typed function (like `action` in call.ts). */
export const visitorAction =
  <F extends FunctionName, A extends ActionName<F>>(fn: F, name: A) =>
  (input: CallInput<F, A>): Promise<CallResult<F, A>> =>
    asVisitor(fn, name, input);

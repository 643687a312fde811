import { AppError } from '../../shared/errors';
import type { AccountDoc, SessionDoc, WechatBindingDoc } from './collections';
import type { Actor, Caller, Deps } from './context';
import type { Store } from './ports/store';

/**
 * Who is calling, from the platform only: the WeChat OPENID the function context carries (bound to
 * an account after one password sign-in), or a session token the server signed.
 * `invalidToken` tells the router a token was presented but is no longer good.
 */
export async function resolveActor(deps: Deps, caller: Caller): Promise<{ actor: Actor; invalidToken: boolean }> {
  if (caller.token) {
    const payload = deps.tokens.verify(caller.token, deps.now());
    const session = payload ? await deps.store.get<SessionDoc>('sessions', payload.sid) : null;
    const account = session ? await deps.store.get<AccountDoc>('accounts', session.accountId) : null;
    if (session && account && new Date(session.expiresAt) > deps.now()) {
      return { actor: { kind: 'account', account, sessionId: session.id }, invalidToken: false };
    }
    return { actor: { kind: 'anonymous' }, invalidToken: true };
  }
  if (caller.openid) {
    const account = await boundAccount(deps.store, caller.openid);
    if (account) return { actor: { kind: 'account', account, sessionId: null }, invalidToken: false };
  }
  return { actor: { kind: 'anonymous' }, invalidToken: false };
}

/** A locked or cancelled account keeps no powers, whatever session it still holds. */
export function assertUsable(account: AccountDoc): void {
  if (account.status === 'cancelled') throw new AppError('ACCOUNT_CANCELLED');
  if (account.status === 'locked') throw new AppError('ACCOUNT_DISABLED');
}

/** The account this WeChat user signed in to last, if the binding still holds. */
export async function boundAccount(store: Store, openid: string): Promise<AccountDoc | null> {
  const binding = await store.get<WechatBindingDoc>('wechatBindings', openid);
  const account = binding ? await store.get<AccountDoc>('accounts', binding.accountId) : null;
  return account?.openid === openid ? account : null;
}

/**
 * The public visitor, for open-week signups; never from the request body.
 * - Mini-program: `wx:<OPENID>` from the function context. This holds whether or not the OPENID is
 *   bound to an account: a collective member who signs up for someone else's event is a visitor like
 *   anyone, and their signups stay theirs after they sign out.
 * - HTTP: `h5:<id>` from a visitor token the server signed (`openweek.startVisit`); a forged, altered
 *   or expired token is no visitor at all.
 */
export function resolveVisitor(deps: Deps, caller: Caller): string | null {
  if (caller.openid) return `wx:${caller.openid}`;
  if (caller.visitorToken) {
    const id = deps.tokens.verifyVisitor(caller.visitorToken, deps.now());
    if (id) return `h5:${id}`;
  }
  return null;
}

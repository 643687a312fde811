import { AppError } from '../../../shared/errors';
import type { AccountDoc, SessionDoc, WechatBindingDoc } from '../collections';
import type { Actor, Caller, Deps, UseCaseContext } from '../context';
import type { Store } from '../ports/store';

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
    const bound = await bindingOf(deps.store, caller.openid);
    if (bound && bindingHolds(deps, bound.binding)) return { actor: { kind: 'account', account: bound.account, sessionId: null }, invalidToken: false };
    // A binding too old is a sign-in that expired: the mini-program asks for the password again.
    return { actor: { kind: 'anonymous' }, invalidToken: bound !== null };
  }
  return { actor: { kind: 'anonymous' }, invalidToken: false };
}

/** A locked or cancelled account keeps no powers, whatever session it still holds. */
export function assertUsable(account: AccountDoc): void {
  if (account.status === 'cancelled') throw new AppError('ACCOUNT_CANCELLED');
  if (account.status === 'locked') throw new AppError('ACCOUNT_DISABLED');
}

const DEFAULT_WECHAT_BINDING_MAX_AGE_DAYS = 90;

/** The account this WeChat user signed in to last and its binding, whatever the binding's age. */
export async function bindingOf(store: Store, openid: string): Promise<{ binding: WechatBindingDoc; account: AccountDoc } | null> {
  const binding = await store.get<WechatBindingDoc>('wechatBindings', openid);
  const account = binding ? await store.get<AccountDoc>('accounts', binding.accountId) : null;
  return binding && account?.openid === openid ? { binding, account } : null;
}

/** A binding holds for `wechatBindingMaxAgeDays` after the last password sign-in from that WeChat user. */
function bindingHolds(deps: Pick<Deps, 'now' | 'config'>, binding: WechatBindingDoc): boolean {
  const days = deps.config.wechatBindingMaxAgeDays ?? DEFAULT_WECHAT_BINDING_MAX_AGE_DAYS;
  const since = new Date(binding.passwordSignInAt ?? binding.boundAt).getTime();
  return deps.now().getTime() < since + days * 86_400_000;
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

/** The calling visitor (open week); refuses when there is none (resolveVisitor above). */
export function visitorOf(ctx: UseCaseContext): string {
  if (!ctx.visitor) throw new AppError('VISITOR_REQUIRED');
  return ctx.visitor;
}

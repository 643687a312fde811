import type { contract } from '../../../../shared/contract';
import { changeAccount } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';

/** Ends the session; in the mini-program also unbinds this WeChat user, so the next visit asks for a password. */
export const signOut: Handler<typeof contract.account.signOut> = async (ctx) => {
  const account = accountOf(ctx);
  if (ctx.actor.kind === 'account' && ctx.actor.sessionId) await ctx.store.remove('sessions', ctx.actor.sessionId);
  if (ctx.caller.openid && account.openid === ctx.caller.openid) {
    await changeAccount(ctx, account, { actor: account, action: 'account.signOut', set: { openid: null } });
  }
  return {};
};

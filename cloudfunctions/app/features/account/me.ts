import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { oneAccountView } from '../../common/account-views';

/** The signed-in account, or null: also null for a locked or cancelled one, which keeps no session. */
export const me: Handler<typeof contract.account.me> = async (ctx) => {
  if (ctx.actor.kind !== 'account' || ctx.actor.account.status !== 'active') return { account: null };
  return { account: await oneAccountView(ctx.store, ctx.actor.account) };
};

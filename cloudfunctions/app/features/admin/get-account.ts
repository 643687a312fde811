import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { accountInScope } from '../../common/scope';
import { oneAccountView } from '../../common/account-views';

export const getAccount: Handler<typeof contract.admin.getAccount> = async (ctx, input) => ({
  account: await oneAccountView(ctx.store, await accountInScope(ctx, input.accountId)),
});

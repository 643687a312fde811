import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { changeAccount } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { manageableAccount } from '../../common/scope';
import { oneAccountView } from '../../common/account-views';

/** Suspends sign-in until an admin unlocks; open sessions stop working at once. */
export const lockAccount: Handler<typeof contract.admin.lockAccount> = async (ctx, input) => {
  const target = await manageableAccount(ctx, input.accountId);
  if (target.status !== 'active') throw new AppError('INVALID_STATE', '只能锁定正常状态的帐号');
  const next = await changeAccount(ctx, target, {
    actor: accountOf(ctx),
    action: 'admin.lockAccount',
    set: { status: 'locked' },
    reason: input.reason,
  });
  return { account: await oneAccountView(ctx.store, next) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isTemporarilyLocked } from '../../../../shared/domain/sign-in-lock';
import { changeAccount } from '../../common/account-changes';
import { accountOf } from '../../context';
import { forgetLockedAddresses } from '../../limits/sign-in-lock';
import type { Handler } from '../../router';
import { manageableAccount } from '../../common/scope';
import { oneAccountView } from '../../common/account-views';

/** Lifts an admin lock or the 15-minute lock after wrong passwords. */
export const unlockAccount: Handler<typeof contract.admin.unlockAccount> = async (ctx, input) => {
  const target = await manageableAccount(ctx, input.accountId);
  if (target.status === 'cancelled' || (target.status !== 'locked' && !isTemporarilyLocked(target, ctx.now()))) {
    throw new AppError('INVALID_STATE', '该帐号未被锁定');
  }
  const next = await changeAccount(ctx, target, {
    actor: accountOf(ctx),
    action: 'admin.unlockAccount',
    set: { status: 'active', lockedUntil: null },
  });
  await forgetLockedAddresses(ctx, target.code);
  return { account: await oneAccountView(ctx.store, next) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { changeAccount, endSessions } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { manageableAccount } from '../../common/scope';
import { oneAccountView } from '../../common/account-views';

/** 注销用户名: the code stops working for good; the account and its history stay. The office decides. */
export const cancelAccount: Handler<typeof contract.admin.cancelAccount> = async (ctx, input) => {
  const target = await manageableAccount(ctx, input.accountId);
  if (target.status === 'cancelled') throw new AppError('INVALID_STATE', '该用户名已注销');
  const next = await changeAccount(ctx, target, {
    actor: accountOf(ctx),
    action: 'admin.cancelAccount',
    set: { status: 'cancelled', openid: null },
    reason: input.reason,
  });
  await endSessions(ctx, target.id);
  return { account: await oneAccountView(ctx.store, next) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { changeAccount } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { maskEmail, oneAccountView } from '../../common/account-views';

export const setRecoveryEmail: Handler<typeof contract.account.setRecoveryEmail> = async (ctx, input) => {
  const account = accountOf(ctx);
  if (!(await ctx.passwords.verify(input.password, account.passwordHash))) {
    throw new AppError('WRONG_PASSWORD', undefined, { password: '当前密码：不正确' });
  }
  const next = await changeAccount(ctx, account, {
    actor: account,
    action: 'account.setRecoveryEmail',
    set: { recoveryEmail: input.email },
    summary: { before: maskEmail(account.recoveryEmail), after: maskEmail(input.email) },
  });
  return { account: await oneAccountView(ctx.store, next) };
};

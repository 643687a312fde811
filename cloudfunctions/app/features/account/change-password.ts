import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { changeAccount, endSessions } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { oneAccountView } from '../../common/account-views';

/**
 * Replaces the password (the one-time one at first sign-in). Every other sign-in of the account ends: its other
 * sessions, and its WeChat binding unless this call comes through it. Whoever held an old password's sign-in
 * must sign in with the new one.
 */
export const changePassword: Handler<typeof contract.account.changePassword> = async (ctx, input) => {
  const account = accountOf(ctx);
  if (!(await ctx.passwords.verify(input.oldPassword, account.passwordHash))) {
    throw new AppError('WRONG_PASSWORD', undefined, { oldPassword: '当前密码：不正确' });
  }
  const next = await changeAccount(ctx, account, {
    actor: account,
    action: 'account.changePassword',
    set: {
      passwordHash: await ctx.passwords.hash(input.newPassword),
      mustChangePassword: false,
      ...(ctx.caller.openid !== undefined && account.openid === ctx.caller.openid ? {} : { openid: null }),
    },
  });
  await endSessions(ctx, account.id, ctx.actor.kind === 'account' ? ctx.actor.sessionId : null);
  return { account: await oneAccountView(ctx.store, next) };
};

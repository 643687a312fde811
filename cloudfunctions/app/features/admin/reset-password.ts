import type { contract } from '../../../../shared/contract';
import { changeAccount, endSessions } from '../../common/account-changes';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { manageableAccount } from '../../common/scope';
import { oneTimePassword } from '../../security/passwords';
import { oneAccountView } from '../../common/account-views';

/**
 * A new one-time password, shown once to the admin; the holder must change it at the next sign-in. Every
 * sign-in of the account ends (sessions and the WeChat binding): only the new password opens it again.
 */
export const resetPassword: Handler<typeof contract.admin.resetPassword> = async (ctx, input) => {
  const target = await manageableAccount(ctx, input.accountId);
  const password = oneTimePassword();
  const next = await changeAccount(ctx, target, {
    actor: accountOf(ctx),
    action: 'admin.resetPassword',
    set: { passwordHash: await ctx.passwords.hash(password), mustChangePassword: true, lockedUntil: null, openid: null },
  });
  await endSessions(ctx, target.id);
  return { account: await oneAccountView(ctx.store, next), oneTimePassword: password };
};

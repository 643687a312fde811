import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { endSessions } from '../../common/account-changes';
import { audit } from '../../common/audit';
import type { AccountDoc, ResetTokenDoc } from '../../collections';
import { liftLocksHere } from '../../limits/sign-in-lock';
import type { Handler } from '../../router';
import { sha256 } from '../../security/random';
import { transact } from '../../ports/transaction-retry';

/**
 * Sets a new password from a mailed link: once, within 30 minutes, for an account not cancelled. Every
 * sign-in of the account ends (sessions and the WeChat binding): whoever held one signs in with the new password.
 */
export const resetPassword: Handler<typeof contract.account.resetPassword> = async (ctx, input) => {
  const now = ctx.now();
  const token = await ctx.store.get<ResetTokenDoc>('resetTokens', sha256(input.token));
  const account = token ? await ctx.store.get<AccountDoc>('accounts', token.accountId) : null;
  if (!token || !account || token.usedAt || new Date(token.expiresAt) <= now || account.status === 'cancelled') {
    throw new AppError('RESET_TOKEN_INVALID');
  }
  const passwordHash = await ctx.passwords.hash(input.newPassword);
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('resetTokens', token.id, { set: { usedAt: now.toISOString() } }, { usedAt: null }))) {
      throw new AppError('RESET_TOKEN_INVALID');
    }
    const set = { passwordHash, mustChangePassword: false, lockedUntil: null, openid: null };
    if (!(await tx.update('accounts', account.id, { set: { ...set, updatedAt: now.toISOString() }, inc: { version: 1 } }))) {
      throw new AppError('RESET_TOKEN_INVALID');
    }
    if (account.openid) await tx.remove('wechatBindings', account.openid);
    await audit(tx, now, {
      actor: account,
      action: 'account.resetPasswordByLink',
      objectType: 'account',
      objectId: account.id,
      unitPath: account.unitPath,
    });
  });
  await endSessions(ctx, account.id);
  await liftLocksHere(ctx, account.code);
  return { code: account.code };
};

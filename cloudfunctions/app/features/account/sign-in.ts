import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeCode } from '../../../../shared/domain/account-code';
import { changeAccount } from '../../common/account-changes';
import { bindingOf } from '../../common/identity';
import type { AccountDoc, SessionDoc } from '../../collections';
import type { UseCaseContext } from '../../context';
import { checkLimits } from '../../limits/policy';
import { assertSignInOpen, clearFailures, recordWrongPassword } from '../../limits/sign-in-lock';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { oneAccountView } from '../../common/account-views';

async function findByCode(ctx: UseCaseContext, code: string): Promise<AccountDoc | null> {
  const { items } = await ctx.store.find<AccountDoc>('accounts', {
    where: { code },
    orderBy: { fields: ['code'], direction: 'asc' },
    limit: 1,
  });
  return items[0] ?? null;
}

/**
 * Every refusal before the hash (the address's rate limit, a lock) costs no scrypt; after it, an unknown
 * code costs what a known one does (a dummy hash, the same failure counters, the same answers).
 */
export const signIn: Handler<typeof contract.account.signIn> = async (ctx, input) => {
  await checkLimits(ctx, 'signIn', {});
  const code = normalizeCode(input.code);
  const account = await findByCode(ctx, code);
  await assertSignInOpen(ctx, code, account);
  if (!account) {
    await ctx.passwords.verifyNothing(input.password);
    throw await recordWrongPassword(ctx, code, null);
  }
  const now = ctx.now();
  if (!(await ctx.passwords.verify(input.password, account.passwordHash))) throw await recordWrongPassword(ctx, code, account);
  await clearFailures(ctx, code);
  if (account.status === 'cancelled') throw new AppError('ACCOUNT_CANCELLED');
  if (account.status === 'locked') throw new AppError('ACCOUNT_DISABLED');

  // In the mini-program, bind this WeChat user to the account: one account per WeChat user.
  const openid = ctx.caller.openid ?? null;
  const binding = openid !== null && account.openid !== openid;
  if (binding) {
    const previous = await bindingOf(ctx.store, openid);
    if (previous) await changeAccount(ctx, previous.account, { actor: previous.account, action: 'account.unbindWechat', set: { openid: null } });
  }

  const session: SessionDoc = {
    id: newId(),
    accountId: account.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString(),
  };
  const signedIn = await changeAccount(ctx, account, {
    actor: account,
    action: binding ? 'account.bindWechat' : 'account.signIn',
    set: { lockedUntil: null, ...(binding ? { openid } : {}) },
    alsoInTransaction: async (tx) => {
      await tx.insert('sessions', session);
      // A password sign-in from the WeChat user already bound starts the binding's age again.
      if (openid !== null && !binding) await tx.update('wechatBindings', openid, { set: { passwordSignInAt: now.toISOString() } });
    },
  });
  return {
    token: ctx.tokens.sign({ sid: session.id, exp: new Date(session.expiresAt).getTime() }),
    expiresAt: session.expiresAt,
    account: await oneAccountView(ctx.store, signedIn),
  };
};

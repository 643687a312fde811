import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeCode } from '../../../../shared/domain/account-code';
import { afterFailedSignIn, isTemporarilyLocked } from '../../../../shared/domain/sign-in-lock';
import { changeAccount } from '../../account-changes';
import { audit } from '../../audit';
import { boundAccount } from '../../identity';
import type { AccountDoc, SessionDoc } from '../../collections';
import type { UseCaseContext } from '../../context';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { oneAccountView } from '../../views';
import { transact } from '../../ports/transaction-retry';

async function findByCode(ctx: UseCaseContext, code: string): Promise<AccountDoc | null> {
  const { items } = await ctx.store.find<AccountDoc>('accounts', {
    where: { code },
    orderBy: { fields: ['code'], direction: 'asc' },
    limit: 1,
  });
  return items[0] ?? null;
}

/** Counts a wrong password; the fifth in a row locks the account for 15 minutes. */
async function recordFailure(ctx: UseCaseContext, account: AccountDoc): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = attempt === 0 ? account : await ctx.store.get<AccountDoc>('accounts', account.id);
    if (!current) return false;
    const next = afterFailedSignIn(current, ctx.now());
    const applied = await transact(ctx.store, async (tx) => {
      const ok = await tx.update(
        'accounts',
        current.id,
        { set: { ...next, version: current.version + 1 } },
        { version: current.version },
      );
      if (ok && next.lockedUntil) {
        await audit(tx, ctx.now(), {
          actor: null,
          action: 'account.lockedByFailures',
          objectType: 'account',
          objectId: current.id,
          unitPath: current.unitPath,
          after: { lockedUntil: next.lockedUntil },
        });
      }
      return ok;
    });
    if (applied) return next.lockedUntil !== null;
  }
  return false;
}

export const signIn: Handler<typeof contract.account.signIn> = async (ctx, input) => {
  const account = await findByCode(ctx, normalizeCode(input.code));
  if (!account) {
    await ctx.passwords.verifyNothing(input.password);
    throw new AppError('WRONG_CREDENTIALS');
  }
  const now = ctx.now();
  if (isTemporarilyLocked(account, now)) throw new AppError('TOO_MANY_ATTEMPTS');
  if (!(await ctx.passwords.verify(input.password, account.passwordHash))) {
    const lockedNow = await recordFailure(ctx, account);
    throw new AppError(lockedNow ? 'TOO_MANY_ATTEMPTS' : 'WRONG_CREDENTIALS');
  }
  if (account.status === 'cancelled') throw new AppError('ACCOUNT_CANCELLED');
  if (account.status === 'locked') throw new AppError('ACCOUNT_DISABLED');

  // In the mini-program, bind this WeChat user to the account: one account per WeChat user.
  const openid = ctx.caller.openid ?? null;
  const binding = openid !== null && account.openid !== openid;
  if (binding) {
    const previous = await boundAccount(ctx.store, openid);
    if (previous) await changeAccount(ctx, previous, { actor: previous, action: 'account.unbindWechat', set: { openid: null } });
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
    set: { failedSignIns: 0, lockedUntil: null, ...(binding ? { openid } : {}) },
    alsoInTransaction: (tx) => tx.insert('sessions', session),
  });
  return {
    token: ctx.tokens.sign({ sid: session.id, exp: new Date(session.expiresAt).getTime() }),
    expiresAt: session.expiresAt,
    account: await oneAccountView(ctx.store, signedIn),
  };
};

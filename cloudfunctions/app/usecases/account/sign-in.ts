import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeCode } from '../../../../shared/domain/account-code';
import { afterFailedSignIn, isTemporarilyLocked } from '../../../../shared/domain/sign-in-lock';
import { changeAccount } from '../../account-changes';
import { audit } from '../../audit';
import type { AccountDoc, SessionDoc } from '../../collections';
import type { UseCaseContext } from '../../context';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { oneAccountView } from '../../views';

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
    const applied = await ctx.store.transaction(async (tx) => {
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

  // In the mini-program, bind this WeChat user to the account (one account per WeChat user).
  const openid = ctx.caller.openid ?? null;
  if (openid && account.openid !== openid) {
    const { items: previous } = await ctx.store.find<AccountDoc>('accounts', {
      where: { openid },
      orderBy: { fields: ['code'], direction: 'asc' },
      limit: 1,
    });
    for (const other of previous) {
      await changeAccount(ctx, other, { actor: other, action: 'account.unbindWechat', set: { openid: null } });
    }
  }

  const session: SessionDoc = {
    id: newId(),
    accountId: account.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString(),
  };
  const set: Partial<AccountDoc> = { failedSignIns: 0, lockedUntil: null, ...(openid ? { openid } : {}) };
  await ctx.store.transaction(async (tx) => {
    const applied = await tx.update(
      'accounts',
      account.id,
      { set: { ...set, updatedAt: now.toISOString(), version: account.version + 1 } },
      { version: account.version },
    );
    if (!applied) throw new AppError('CONFLICT');
    await tx.insert('sessions', session);
    await audit(tx, now, {
      actor: account,
      action: openid && account.openid !== openid ? 'account.bindWechat' : 'account.signIn',
      objectType: 'account',
      objectId: account.id,
      unitPath: account.unitPath,
    });
  });
  const signedIn: AccountDoc = { ...account, ...set, version: account.version + 1 };
  return {
    token: ctx.tokens.sign({ sid: session.id, exp: new Date(session.expiresAt).getTime() }),
    expiresAt: session.expiresAt,
    account: await oneAccountView(ctx.store, signedIn),
  };
};

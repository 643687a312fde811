import { AppError } from '../../../shared/errors';
import { isTemporarilyLocked } from '../../../shared/domain/sign-in-lock';
import { changeAccount } from '../common/account-changes';
import type { AccountDoc } from '../collections';
import type { UseCaseContext } from '../context';
import type { RateRule } from '../ports/rate-limiter';
import { addressOf, retryAfterText } from './policy';

/**
 * Lock-out after wrong passwords, so a stranger cannot keep a holder out from one address:
 * - `SIGN_IN_LOCK_FAILURES` wrong passwords for one code from one address lock that address out of that
 *   code for `SIGN_IN_LOCK_MINUTES`; the holder elsewhere signs in as usual.
 * - Once `SIGN_IN_LOCK_ADDRESSES` addresses have been locked out of one code, the code is locked for
 *   everyone: on an account that is `lockedUntil` (audited, shown to admins, lifted by an admin's unlock).
 * Unknown codes go through the same counters and answers, so the answers never tell which codes exist.
 */
type LockContext = Pick<UseCaseContext, 'limiter' | 'config' | 'now' | 'caller'>;

const failuresKey = (code: string, ip: string) => `signInFailures:${code}:${ip}`;
const addressLockKey = (code: string, ip: string) => `signInLock:${code}:${ip}`;
const lockedAddressesKey = (code: string) => `signInLockedAddresses:${code}`;
/** Marks an address as already counted among the code's locked-out ones: each address counts once per window. */
const countedAddressKey = (code: string, ip: string) => `signInLockedAddress:${code}:${ip}`;
/** The code-wide lock of a code no account has (an account keeps its own in `lockedUntil`). */
const unknownCodeLockKey = (code: string) => `signInLock:${code}`;

const lockRule = (ctx: LockContext): RateRule => ({ limit: 1, windowSeconds: ctx.config.signInLockMinutes * 60 });
/** One fewer than the setting: the hit that does not fit is the one that reaches it. */
const belowThreshold = (rule: RateRule): RateRule => ({ limit: rule.limit - 1, windowSeconds: rule.windowSeconds });

export const tooManyAttempts = (retryAfterSeconds: number): AppError =>
  new AppError('TOO_MANY_ATTEMPTS', `密码错误次数过多，请在 ${retryAfterText(retryAfterSeconds)}后重试`, undefined, retryAfterSeconds);

/** Refuses, before any password is hashed, a code locked for everyone or for this caller's address. */
export async function assertSignInOpen(ctx: LockContext, code: string, account: AccountDoc | null): Promise<void> {
  const now = ctx.now();
  if (account && isTemporarilyLocked(account, now)) {
    throw tooManyAttempts(Math.ceil((Date.parse(account.lockedUntil as string) - now.getTime()) / 1000));
  }
  // Both keys are read for every code, so a refused attempt takes as long whether or not the code exists.
  const decisions = await Promise.all([addressLockKey(code, addressOf(ctx)), unknownCodeLockKey(code)].map((key) => ctx.limiter.peek(key, lockRule(ctx), now)));
  for (const decision of decisions) if (!decision.allowed) throw tooManyAttempts(decision.retryAfterSeconds);
}

/** Counts a wrong password; answers the refusal to give (WRONG_CREDENTIALS, or TOO_MANY_ATTEMPTS when it locks). */
export async function recordWrongPassword(ctx: UseCaseContext, code: string, account: AccountDoc | null): Promise<AppError> {
  const now = ctx.now();
  const ip = addressOf(ctx);
  const counted = await ctx.limiter.hit(failuresKey(code, ip), belowThreshold(ctx.config.limits.signInFailures), now);
  if (counted.allowed) return new AppError('WRONG_CREDENTIALS');
  await ctx.limiter.reset(failuresKey(code, ip));
  const lock = await ctx.limiter.hit(addressLockKey(code, ip), lockRule(ctx), now);
  // Only the failure that placed this address's lock counts it (two at once lock it once), and an address
  // locked out again and again within the window still counts once: one stranger is never "many addresses".
  const addressesRule = ctx.config.limits.signInLockedAddresses;
  const firstLockHere = lock.allowed && (await ctx.limiter.hit(countedAddressKey(code, ip), { limit: 1, windowSeconds: addressesRule.windowSeconds }, now)).allowed;
  if (firstLockHere && !(await ctx.limiter.hit(lockedAddressesKey(code), belowThreshold(addressesRule), now)).allowed) {
    await ctx.limiter.reset(lockedAddressesKey(code));
    await lockCode(ctx, code, account);
  }
  return tooManyAttempts(ctx.config.signInLockMinutes * 60);
}

async function lockCode(ctx: UseCaseContext, code: string, account: AccountDoc | null): Promise<void> {
  if (!account) {
    await ctx.limiter.hit(unknownCodeLockKey(code), lockRule(ctx), ctx.now());
    return;
  }
  const lockedUntil = new Date(ctx.now().getTime() + ctx.config.signInLockMinutes * 60_000).toISOString();
  let current: AccountDoc | null = account;
  for (let attempt = 0; attempt < 3 && current; attempt++) {
    try {
      await changeAccount(ctx, current, { actor: null, action: 'account.lockedByFailures', set: { lockedUntil } });
      return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      current = await ctx.store.get<AccountDoc>('accounts', account.id);
    }
  }
}

/** A right password clears this address's count of wrong ones. */
export async function clearFailures(ctx: LockContext, code: string): Promise<void> {
  await ctx.limiter.reset(failuresKey(code, addressOf(ctx)));
}

/**
 * A reset through the recovery mail proves the holder: it lifts the lock on the address they reset from
 * (the code-wide lock goes with the account's `lockedUntil`).
 */
export async function liftLocksHere(ctx: LockContext, code: string): Promise<void> {
  const ip = addressOf(ctx);
  await Promise.all([ctx.limiter.reset(failuresKey(code, ip)), ctx.limiter.reset(addressLockKey(code, ip)), forgetLockedAddresses(ctx, code)]);
}

/** An admin's unlock also forgets the addresses already locked out, so the next one does not relock the code. */
export async function forgetLockedAddresses(ctx: LockContext, code: string): Promise<void> {
  await ctx.limiter.reset(lockedAddressesKey(code));
}

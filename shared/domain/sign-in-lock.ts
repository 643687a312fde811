/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export interface SignInAttempts {
  failedSignIns: number;
  lockedUntil: string | null;
}

export function isTemporarilyLocked(state: SignInAttempts, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** The attempt counters after one more wrong password (callers refuse locked accounts before checking). */
export function afterFailedSignIn(state: SignInAttempts, now: Date): SignInAttempts {
  const failed = state.failedSignIns + 1;
  if (failed >= MAX_FAILED_SIGN_INS) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
  }
  return { failedSignIns: failed, lockedUntil: null };
}

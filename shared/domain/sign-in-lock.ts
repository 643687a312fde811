/**
 * An account-wide lock after wrong passwords (set only once many addresses have each been locked out of
 * the code; see cloudfunctions/app/limits/sign-in-lock.ts). Admins see it and may lift it early.
 */
export interface SignInLockState {
  lockedUntil: string | null;
}

export function isTemporarilyLocked(state: SignInLockState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

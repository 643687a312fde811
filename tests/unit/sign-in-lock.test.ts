import { afterFailedSignIn, isTemporarilyLocked, LOCK_MINUTES } from '../../shared/domain/sign-in-lock';

const now = new Date('2018-11-20T08:00:00.000Z');

describe('locking an account after wrong passwords', () => {
  test('the fourth wrong password in a row only counts', () => {
    expect(afterFailedSignIn({ failedSignIns: 3, lockedUntil: null }, now)).toEqual({ failedSignIns: 4, lockedUntil: null });
  });

  test('the fifth wrong password locks the account for 15 minutes and restarts the count', () => {
    const next = afterFailedSignIn({ failedSignIns: 4, lockedUntil: null }, now);
    expect(next.failedSignIns).toBe(0);
    expect(next.lockedUntil).toBe(new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString());
  });

  test('a lock holds until its last millisecond and is gone at its end', () => {
    const state = { failedSignIns: 0, lockedUntil: '2018-11-20T08:15:00.000Z' };
    expect(isTemporarilyLocked(state, new Date('2018-11-20T08:14:59.999Z'))).toBe(true);
    expect(isTemporarilyLocked(state, new Date('2018-11-20T08:15:00.000Z'))).toBe(false);
  });
});

import { isTemporarilyLocked } from '../../shared/domain/sign-in-lock';

describe('the account-wide lock after wrong passwords', () => {
  test('a lock holds until its last millisecond and is gone at its end', () => {
    const state = { lockedUntil: '2018-11-20T08:15:00.000Z' };
    expect(isTemporarilyLocked(state, new Date('2018-11-20T08:14:59.999Z'))).toBe(true);
    expect(isTemporarilyLocked(state, new Date('2018-11-20T08:15:00.000Z'))).toBe(false);
  });

  test('an account without a lock is not locked', () => {
    expect(isTemporarilyLocked({ lockedUntil: null }, new Date('2018-11-20T08:00:00.000Z'))).toBe(false);
  });
});

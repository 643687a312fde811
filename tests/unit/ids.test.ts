import { newId } from '../../cloudfunctions/app/security/random';

describe('record ids', () => {
  test('ten thousand ids made in a burst are all different, 32 hex characters, and sort in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  test('the random part does not repeat from one id to the next', () => {
    const tails = Array.from({ length: 2_000 }, () => newId().slice(16));
    expect(new Set(tails).size).toBe(tails.length);
  });
});

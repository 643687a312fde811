import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { TransactionConflictError } from '../../cloudfunctions/app/ports/store';
import {
  backoffDelay,
  BUSY_RETRY_MESSAGE,
  Retry,
  RETRY_POLICY,
  TRANSACTION_RETRY_BUDGET_MS,
  withRetries,
  type RetryPolicy,
} from '../../cloudfunctions/app/ports/transaction-retry';

/** A policy on a fake clock: pauses advance it instead of waiting, and the jitter is fixed. */
function fakePolicy(random: number, budgetMs = 1_000) {
  let clock = 0;
  const pauses: number[] = [];
  const policy: RetryPolicy = {
    ...RETRY_POLICY,
    baseDelayMs: 10,
    maxDelayMs: 320,
    budgetMs,
    random: () => random,
    now: () => clock,
    sleep: async (ms) => {
      pauses.push(ms);
      clock += ms;
    },
  };
  return { policy, pauses };
}

describe('the transaction retry policy', () => {
  test('each pause is a random share of a cap that doubles from the base up to the maximum', () => {
    const half = { baseDelayMs: 10, maxDelayMs: 320, random: () => 0.5 };
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((retry) => backoffDelay(retry, half))).toEqual([5, 10, 20, 40, 80, 160, 160, 160]);
    expect(backoffDelay(3, { ...half, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...half, random: () => 0.999 })).toBe(79);
  });

  test('an attempt that collided runs again after the jittered pause and its answer is returned', async () => {
    const { policy, pauses } = fakePolicy(0.5);
    let attempts = 0;
    const answer = await withRetries(async () => {
      attempts++;
      if (attempts <= 2) throw new TransactionConflictError('write conflict');
      return 'landed';
    }, policy);
    expect(answer).toBe('landed');
    expect(attempts).toBe(3);
    expect(pauses).toEqual([5, 10]);
  });

  test('an attempt that found its reads outdated (Retry) runs again too', async () => {
    const { policy } = fakePolicy(0);
    let attempts = 0;
    await expect(withRetries(async () => {
      if (++attempts < 4) throw new Retry();
      return attempts;
    }, policy)).resolves.toBe(4);
  });

  test('a conflict that outlasts the budget ends as CONFLICT saying to retry, without pausing past the budget', async () => {
    const { policy, pauses } = fakePolicy(0.999, 1_000);
    let attempts = 0;
    const failure = await withRetries(async () => {
      attempts++;
      throw new TransactionConflictError('always');
    }, policy).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'CONFLICT', message: BUSY_RETRY_MESSAGE });
    expect(BUSY_RETRY_MESSAGE).toContain('重试');
    expect(pauses.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1_000);
    expect(attempts).toBe(pauses.length + 1);
    expect(attempts).toBeGreaterThan(5);
  });

  test('any other error passes through at once, unretried', async () => {
    const { policy, pauses } = fakePolicy(0.5);
    let attempts = 0;
    await expect(withRetries(async () => {
      attempts++;
      throw new AppError('INVALID_STATE');
    }, policy)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(attempts).toBe(1);
    expect(pauses).toEqual([]);
  });

  test('every cloud function gives a request at least twice the retry budget (cloudbaserc.json timeouts)', () => {
    const rc = JSON.parse(readFileSync(join(__dirname, '../../cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; timeout: number }> };
    expect(rc.functions.length).toBeGreaterThan(0);
    for (const fn of rc.functions) expect({ name: fn.name, ms: fn.timeout * 1000 >= 2 * TRANSACTION_RETRY_BUDGET_MS }).toEqual({ name: fn.name, ms: true });
  });
});

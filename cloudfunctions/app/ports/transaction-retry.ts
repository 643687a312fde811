import { AppError } from '../../../shared/errors';
import { TransactionConflictError, type Store, type StoreOps } from './store';

/**
 * How long one transaction keeps retrying before its caller hears CONFLICT. Every function's timeout in
 * cloudbaserc.json is at least twice this (20 s for the request functions, 60 s for jobs), so a request's
 * reads, one transaction that spent the whole budget, and its answer fit (checked by a unit test).
 * Sized for a rush on one document: forty signups for one event on the CloudBase stand-in all land.
 */
export const TRANSACTION_RETRY_BUDGET_MS = 8_000;

/** The message a conflict that outlasted every retry carries: nothing was saved, trying again will do. */
export const BUSY_RETRY_MESSAGE = '同时操作的人较多，本次未能保存，请稍后重试';

export interface RetryPolicy {
  budgetMs: number;
  /**
   * The first pause's upper bound; each retry doubles it up to `maxDelayMs`. Long pauses matter under a
   * rush: short ones only add attempts that collide again.
   */
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1): the jitter. Injected so tests can fix it. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const RETRY_POLICY: RetryPolicy = {
  budgetMs: TRANSACTION_RETRY_BUDGET_MS,
  baseDelayMs: 20,
  maxDelayMs: 1_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

/**
 * "Full jitter": a random pause below an exponentially growing cap, so writers that collided spread
 * out instead of colliding again in lockstep.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retry, 30));
  return Math.floor(policy.random() * cap);
}

/** Thrown inside an attempt when what it re-read no longer matches: the attempt is rolled back and run again. */
export class Retry extends Error {
  constructor() {
    super('retry');
    this.name = 'Retry';
  }
}

/**
 * Runs an optimistic attempt (reads, then a transaction that re-checks them) until it lands: again
 * after a jittered pause when the store's transaction collided with another (CloudBase) or the attempt
 * found its reads outdated (Retry). Once the budget is spent the caller gets CONFLICT, saying to retry.
 * Every other error passes through at once.
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy = RETRY_POLICY): Promise<T> {
  const started = policy.now();
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof TransactionConflictError) && !(error instanceof Retry)) throw error;
    }
    const pause = backoffDelay(retry, policy);
    if (policy.now() - started + pause > policy.budgetMs) throw new AppError('CONFLICT', BUSY_RETRY_MESSAGE);
    await policy.sleep(pause);
  }
}

/**
 * A transaction that may collide with others, retried under the one policy. Optimistic attempts that
 * read outside the transaction use `withRetries` around reads and `store.transaction` together instead.
 */
export function transact<T>(store: Pick<Store, 'transaction'>, fn: (tx: StoreOps) => Promise<T>, policy: RetryPolicy = RETRY_POLICY): Promise<T> {
  return withRetries(() => store.transaction(fn), policy);
}

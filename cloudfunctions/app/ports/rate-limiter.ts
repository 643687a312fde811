/**
 * The rate-limit port: counters with an expiry, kept where every instance that serves requests sees them:
 * the store on CloudBase, where many function instances serve (limits/store-rate-limiter.ts); the memory
 * of the one process that is the local host (adapters/limits/memory-rate-limiter.ts). A rule allows
 * `limit` units (requests, or bytes) per window; the window starts with the first unit counted and is the
 * same for every instance.
 */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /**
   * Counts `cost` units against `key` when they fit under the rule's limit, atomically across
   * instances; a refused hit counts nothing and says when the window ends.
   */
  hit(key: string, rule: RateRule, now: Date, cost?: number): Promise<RateDecision>;
  /** Whether one more unit would fit now, counting nothing. */
  peek(key: string, rule: RateRule, now: Date): Promise<RateDecision>;
  /** Forgets the key's count (a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
}

/**
 * The rate-limit port: counters with an expiry, kept where every function instance sees them (the
 * store), never in one process's memory. A rule allows `limit` units (requests, or bytes) per window;
 * the window starts with the first unit counted and is the same for every instance.
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

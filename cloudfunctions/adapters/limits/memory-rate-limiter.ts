import type { RateDecision, RateLimiter, RateRule } from '../../app/ports/rate-limiter';

const ALLOWED: RateDecision = { allowed: true };

/** How often (in the callers' time) counters whose window has ended are dropped, so memory stays bounded. */
const SWEEP_MS = 60_000;

interface Counter {
  count: number;
  /** The end of the current window, in milliseconds. */
  until: number;
}

const refused = (until: number, now: Date): RateDecision => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
});

/**
 * The local host's rate limiter: the same fixed windows as the store's (a window starts with the first unit
 * counted; a refused hit counts nothing), kept in this process's memory. The local host is one process, so
 * every request sees the same counters, and counting costs no write to the SQLite file (the store-backed
 * limiter added two writes, one on a page of its own, to each signup). Counts are lost when the host
 * restarts, as if every window had ended then. CloudBase, where many instances serve, keeps
 * `StoreRateLimiter`.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private nextSweep = 0;

  async hit(key: string, rule: RateRule, now: Date, cost = 1): Promise<RateDecision> {
    const at = now.getTime();
    this.sweep(at);
    const counter = this.counters.get(key);
    if (counter && counter.until > at) {
      if (counter.count + cost > rule.limit) return refused(counter.until, now);
      counter.count += cost;
      return ALLOWED;
    }
    const until = at + rule.windowSeconds * 1000;
    if (cost > rule.limit) return refused(until, now);
    this.counters.set(key, { count: cost, until });
    return ALLOWED;
  }

  async peek(key: string, rule: RateRule, now: Date): Promise<RateDecision> {
    const counter = this.counters.get(key);
    if (!counter || counter.until <= now.getTime() || counter.count + 1 <= rule.limit) return ALLOWED;
    return refused(counter.until, now);
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  /** Counters held now, ended windows not yet swept included. */
  get size(): number {
    return this.counters.size;
  }

  private sweep(at: number): void {
    if (at < this.nextSweep) return;
    this.nextSweep = at + SWEEP_MS;
    for (const [key, counter] of this.counters) if (counter.until <= at) this.counters.delete(key);
  }
}

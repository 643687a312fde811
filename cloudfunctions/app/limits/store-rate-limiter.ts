import { createHash } from 'node:crypto';
import type { RateLimitDoc } from '../collections';
import type { RateDecision, RateLimiter, RateRule } from '../ports/rate-limiter';
import { DuplicateKeyError, TransactionConflictError, type Store } from '../ports/store';

const ALLOWED: RateDecision = { allowed: true };

/** Counter ids are a hash of the key: no address or e-mail is stored, and every id has one length. */
const idOf = (key: string): string => createHash('sha256').update(key).digest('base64url');

const windowEnd = (now: Date, rule: RateRule): string => new Date(now.getTime() + rule.windowSeconds * 1000).toISOString();

const refused = (until: number, now: Date): RateDecision => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
});

/**
 * Fixed-window counters in the store, one document per key, reused window after window; `expiresAt` is
 * the end of the current window, so the purge job can delete counters nobody has hit since.
 *
 * One implementation serves SQLite and CloudBase because it needs nothing but the store port's
 * conditional atomic update: counting is `inc` guarded by "window still open and the cost still fits",
 * which both stores apply as one atomic operation, so concurrent instances can never count past the
 * limit. Only a new window (insert, or reset of an expired one guarded by its old `expiresAt`) can race,
 * and the loser simply retries against the winner's document.
 */
export class StoreRateLimiter implements RateLimiter {
  /** `collection`: the product's `rateLimits`; the contract suite passes a test-only one. */
  constructor(
    private readonly store: Store,
    private readonly collection = 'rateLimits',
  ) {}

  async hit(key: string, rule: RateRule, now: Date, cost = 1): Promise<RateDecision> {
    const id = idOf(key);
    const at = now.toISOString();
    const fits = cost <= rule.limit;
    for (let attempt = 0; attempt < 5; attempt++) {
      const counted = await this.store.update(this.collection, id, { inc: { count: cost } }, { expiresAt: { $gt: at }, count: { $lte: rule.limit - cost } });
      if (counted) return ALLOWED;
      // Not counted: no counter yet (the common case: a new visitor, an address's first call), a window
      // that has ended, or a full one. Starting a window is tried first, so a new key costs no read.
      if (fits && (await this.startWindow(id, cost, rule, now))) return ALLOWED;
      const doc = await this.store.get<RateLimitDoc>(this.collection, id);
      const open = doc !== null && doc.expiresAt > at;
      if (open && doc.count + cost > rule.limit) return refused(Date.parse(doc.expiresAt), now);
      if (open) continue; // another instance started a new window between our two reads
      if (!fits) return refused(now.getTime() + rule.windowSeconds * 1000, now);
      if (doc === null) continue; // purged or reset since the insert found it
      if (await this.store.update(this.collection, id, { set: { count: cost, expiresAt: windowEnd(now, rule) } }, { expiresAt: doc.expiresAt })) return ALLOWED;
    }
    throw new TransactionConflictError(`rate limit counter ${id}`);
  }

  /** A first window for a key that has no counter; false when it has one (perhaps started by another instance just now). */
  private async startWindow(id: string, cost: number, rule: RateRule, now: Date): Promise<boolean> {
    try {
      await this.store.insert<RateLimitDoc>(this.collection, { id, count: cost, expiresAt: windowEnd(now, rule) });
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  async peek(key: string, rule: RateRule, now: Date): Promise<RateDecision> {
    const doc = await this.store.get<RateLimitDoc>(this.collection, idOf(key));
    if (doc === null || doc.expiresAt <= now.toISOString() || doc.count + 1 <= rule.limit) return ALLOWED;
    return refused(Date.parse(doc.expiresAt), now);
  }

  async reset(key: string): Promise<void> {
    await this.store.remove(this.collection, idOf(key));
  }
}

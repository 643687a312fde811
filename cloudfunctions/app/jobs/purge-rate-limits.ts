import type { RateLimitDoc } from '../collections';
import type { Deps } from '../context';
import { eachDocument } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/**
 * Rate-limit counters whose window has ended are deleted, so addresses and visitors seen once do not
 * accumulate. Each is re-read inside a transaction: a counter that a request restarted meanwhile stays.
 */
export const purgeRateLimits = {
  everyMinutes: 60,
  async run(deps: Deps): Promise<void> {
    const now = deps.now().toISOString();
    const expired = eachDocument<RateLimitDoc>(deps.store, 'rateLimits', {
      where: { expiresAt: { $lte: now } },
      orderBy: { fields: ['expiresAt'], direction: 'asc' },
    });
    for await (const counter of expired) {
      await transact(deps.store, async (tx) => {
        const current = await tx.get<RateLimitDoc>('rateLimits', counter.id);
        if (current && current.expiresAt <= now) await tx.remove('rateLimits', counter.id);
      });
    }
  },
};

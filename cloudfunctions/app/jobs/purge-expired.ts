import type { CollectionName } from '../collections';
import type { Deps } from '../context';
import type { Filter, Query } from '../ports/store';

/** One run removes at most this many documents per collection; a larger backlog is worked off by the next runs. */
const PAGE_SIZE = 100;
const PAGES_PER_RUN = 10;

interface Purge {
  collection: CollectionName;
  /** The documents that are no use to anyone any more, as of `now` (an ISO instant), oldest first. */
  dead(now: string): Omit<Query, 'after' | 'limit'>;
}

const expiredBy = (now: string): Filter => ({ expiresAt: { $lte: now } });
const USED: Filter = { usedAt: { $ne: null } };

/**
 * What nobody can use any more. Visitors have no stored record (a visitor is a signed token): nothing of
 * theirs is purged, and their signups stay with the events' organizers.
 */
const PURGES: Purge[] = [
  { collection: 'sessions', dead: (now) => ({ where: expiredBy(now), orderBy: { fields: ['expiresAt'], direction: 'asc' } }) },
  {
    collection: 'resetTokens',
    dead: (now) => ({ anyOf: [expiredBy(now), USED], orderBy: { fields: ['expiresAt'], direction: 'asc' } }),
  },
];

/**
 * Deletes expired sessions and used or expired reset tokens, in bounded pages. Always the first page: what
 * was removed no longer matches, so there is no cursor to keep, and a rerun or an overlapping run only finds less.
 */
export const purgeExpired = {
  everyMinutes: 60,
  async run(deps: Deps): Promise<void> {
    const now = deps.now().toISOString();
    for (const { collection, dead } of PURGES) {
      for (let page = 0; page < PAGES_PER_RUN; page++) {
        const { items } = await deps.store.find(collection, { ...dead(now), limit: PAGE_SIZE });
        for (const doc of items) await deps.store.remove(collection, doc.id);
        if (items.length < PAGE_SIZE) break;
      }
    }
  },
};

/** The most documents of one collection a single run removes. */
export const PURGED_PER_RUN = PAGE_SIZE * PAGES_PER_RUN;

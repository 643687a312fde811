import { randomInt } from 'node:crypto';
import { FILING_STATUSES, type FilingStatus } from '../../../shared/domain/filing/status';
import { countedTally, tallyChange, tallyOf, type Tally, type TalliedFiling, TALLY_VERSION } from '../../../shared/domain/filing/tally';
import { pathIds } from '../../../shared/domain/unit-tree';
import { DuplicateKeyError, TransactionConflictError, type Store, type StoreOps } from '../ports/store';

/**
 * Filings per status for each unit's subtree, for the queue's counts and the quota table, changed in the
 * same transaction as the filing so they are never stale.
 *
 * Why sharded: one counter per unit would be a document every filing of a campaign writes (the root's,
 * and a level-1 unit's for its whole branch). On CloudBase a transaction conflicts with every other that
 * wrote the same document, so a filing deadline would serialize a province on the root counter. Each
 * unit's count is therefore split over COUNT_SHARDS documents; a move picks one shard at random (again on
 * every retry) and uses that shard at every level of the path, so two concurrent filings collide only when
 * they drew the same shard (1 in 64) rather than always. A read sums a unit's shards: one query of at most
 * COUNT_SHARDS + 1 small documents, whatever the number of filings. Summing per level-1 unit on read would
 * still leave every filing of a branch on one document; counts maintained by the job from the outbox would
 * show the queue's counts minutes late.
 *
 * Besides the statuses, each shard holds the rest of a filing's tally (shared/domain/filing/tally.ts): 往届,
 * 非公 and the week of submission of the filings counted as 报备, for the quota dashboard (issue #14).
 */
export const COUNT_SHARDS = 64;

export interface FilingCountDoc extends Record<FilingStatus, number> {
  /** The tally's other fields (pastHolders, nonPublic, w<monday>…), absent until a filing first adds one. */
  [field: string]: unknown;
  /** `${campaignId}:${unitId}:${shard}` (files written before sharding also hold one `${campaignId}:${unitId}`, summed alike). */
  id: string;
  campaignId: string;
  unitId: string;
  shard?: number;
}

export const countId = (campaignId: string, unitId: string, shard: number) => `${campaignId}:${unitId}:${shard}`;

export function emptyCounts(): Record<FilingStatus, number> {
  return Object.fromEntries(FILING_STATUSES.map((s) => [s, 0])) as Record<FilingStatus, number>;
}

/** A filing as written: the tally of the current version is counted for it. */
export type CountedFiling = TalliedFiling & { tallied: typeof TALLY_VERSION };

/**
 * Moves one filing from `before` (null: new, or arriving on this path) to `after` (null: leaving this
 * path) in the counters of every unit on `unitPath`. `after` is the document being written, which carries
 * `tallied: TALLY_VERSION`; `before` is counted as the counters hold it (status only before issue #14).
 * A shard seen for the first time is created here; when a concurrent transaction created it first, the
 * insert fails as a duplicate and the whole transaction is run again as a conflict (it then finds the shard).
 */
export function moveCount(
  tx: StoreOps,
  campaignId: string,
  unitPath: string,
  before: TalliedFiling | null,
  after: CountedFiling | null,
  shard = randomInt(COUNT_SHARDS),
): Promise<void> {
  return addToCounts(tx, campaignId, unitPath, tallyChange(before && countedTally(before), after && tallyOf(after)), shard);
}

/** Adds `change` to one shard of the counters of every unit on `unitPath`. */
export function addToCounts(tx: StoreOps, campaignId: string, unitPath: string, change: Tally, shard = randomInt(COUNT_SHARDS)): Promise<void> {
  return addToShards(tx, 'filingCounts', campaignId, unitPath, change, shard, emptyCounts());
}

/**
 * The sharded pattern for any per-unit counters kept in `collection` (documents `${campaignId}:${unitId}:${shard}`
 * indexed on (campaignId, unitId)): adds `change` to one shard of every unit on `unitPath`, creating a shard
 * seen for the first time from `base`.
 */
export async function addToShards(tx: StoreOps, collection: string, campaignId: string, unitPath: string, change: Tally, shard: number, base: Record<string, number> = {}): Promise<void> {
  if (Object.keys(change).length === 0) return;
  for (const unitId of pathIds(unitPath)) {
    const id = countId(campaignId, unitId, shard);
    if (await tx.update(collection, id, { inc: change })) continue;
    const doc: Record<string, unknown> = { id, campaignId, unitId, shard, ...base };
    for (const [field, by] of Object.entries(change)) doc[field] = ((doc[field] as number | undefined) ?? 0) + by;
    try {
      await tx.insert(collection, doc as { id: string });
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new TransactionConflictError(`counter ${id} created concurrently`);
      throw error;
    }
  }
}

/** The filings per status in a unit's subtree for a campaign: the sum of its shards. */
export async function readCounts(store: Pick<Store, 'find'>, campaignId: string, unitId: string): Promise<Record<FilingStatus, number>> {
  const tally = (await readTallies(store, campaignId, [unitId])).get(unitId) ?? {};
  const counts = emptyCounts();
  for (const status of FILING_STATUSES) counts[status] += tally[status] ?? 0;
  return counts;
}

/**
 * The summed tallies of several units' subtrees: per unit one query of at most COUNT_SHARDS + 1 small
 * documents, whatever the number of filings, all asked at once. (One query over all the units' shards
 * pages by keyset, and each later page costs SQLite more than a unit's own query: 14 ms against 9 ms for
 * the office's 61 units in `npm run bench -- dashboard`.)
 */
export async function readTallies(store: Pick<Store, 'find'>, campaignId: string, unitIds: string[], collection = 'filingCounts'): Promise<Map<string, Tally>> {
  const pages = await Promise.all(
    unitIds.map((unitId) =>
      store.find<FilingCountDoc>(collection, { where: { campaignId, unitId }, orderBy: { fields: ['unitId'], direction: 'asc' }, limit: COUNT_SHARDS + 1 }),
    ),
  );
  return new Map(
    unitIds.map((unitId, i) => {
      const sum: Tally = {};
      for (const shard of pages[i].items) {
        for (const field in shard) {
          const value = shard[field];
          if (typeof value === 'number' && field !== 'shard') sum[field] = (sum[field] ?? 0) + value;
        }
      }
      return [unitId, sum];
    }),
  );
}

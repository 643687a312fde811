import { randomInt } from 'node:crypto';
import { FILING_STATUSES, type FilingStatus } from '../../../shared/domain/filing/status';
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
 */
export const COUNT_SHARDS = 64;

export interface FilingCountDoc extends Record<FilingStatus, number> {
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

/**
 * Moves one filing from `from` (null: new) to `to` in the counters of every unit on its path. A shard
 * seen for the first time is created here; when a concurrent transaction created it first, the insert
 * fails as a duplicate and the whole transaction is run again as a conflict (it then finds the shard).
 */
export async function moveCount(
  tx: StoreOps,
  campaignId: string,
  unitPath: string,
  from: FilingStatus | null,
  to: FilingStatus | null,
  shard = randomInt(COUNT_SHARDS),
): Promise<void> {
  if (from === to) return;
  const inc: Record<string, number> = {};
  if (from) inc[from] = -1;
  if (to) inc[to] = (inc[to] ?? 0) + 1;
  for (const unitId of pathIds(unitPath)) {
    const id = countId(campaignId, unitId, shard);
    if (await tx.update('filingCounts', id, { inc })) continue;
    const doc: FilingCountDoc = { id, campaignId, unitId, shard, ...emptyCounts() };
    for (const [status, by] of Object.entries(inc)) doc[status as FilingStatus] += by;
    try {
      await tx.insert('filingCounts', doc);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new TransactionConflictError(`counter ${id} created concurrently`);
      throw error;
    }
  }
}

/** The filings per status in a unit's subtree for a campaign: the sum of its shards. */
export async function readCounts(store: Pick<Store, 'find'>, campaignId: string, unitId: string): Promise<Record<FilingStatus, number>> {
  const { items } = await store.find<FilingCountDoc>('filingCounts', {
    where: { campaignId, unitId },
    orderBy: { fields: ['unitId'], direction: 'asc' },
    limit: COUNT_SHARDS + 1,
  });
  const counts = emptyCounts();
  for (const shard of items) for (const status of FILING_STATUSES) counts[status] += shard[status] ?? 0;
  return counts;
}

import { FILING_STATUSES, type FilingStatus } from '../../../shared/domain/filing/status';
import { pathIds } from '../../../shared/domain/unit-tree';
import type { StoreOps } from '../ports/store';

/**
 * Filings per status for each unit's subtree, kept as counters beside the filings and changed in the
 * same transaction: the queue's counts and the quota table's figures cost one read, whatever the store holds.
 */
export interface FilingCountDoc extends Record<FilingStatus, number> {
  /** `${campaignId}:${unitId}` */
  id: string;
  campaignId: string;
  unitId: string;
}

export const countId = (campaignId: string, unitId: string) => `${campaignId}:${unitId}`;

export function emptyCounts(): Record<FilingStatus, number> {
  return Object.fromEntries(FILING_STATUSES.map((s) => [s, 0])) as Record<FilingStatus, number>;
}

/** Moves one filing from `from` (null: new) to `to` in the counters of every unit on its path. */
export async function moveCount(tx: StoreOps, campaignId: string, unitPath: string, from: FilingStatus | null, to: FilingStatus | null): Promise<void> {
  if (from === to) return;
  const inc: Record<string, number> = {};
  if (from) inc[from] = -1;
  if (to) inc[to] = (inc[to] ?? 0) + 1;
  for (const unitId of pathIds(unitPath)) {
    const id = countId(campaignId, unitId);
    if (await tx.update('filingCounts', id, { inc })) continue;
    const doc: FilingCountDoc = { id, campaignId, unitId, ...emptyCounts() };
    for (const [status, by] of Object.entries(inc)) doc[status as FilingStatus] += by;
    await tx.insert('filingCounts', doc);
  }
}

import type { Store } from '../ports/store';

/** A level-1 unit's complaints (投诉) about its subtree's collectives in one campaign, as the 考评 shows them. */
export interface ComplaintFigures {
  filed: number;
  /** Verified 属实 by a managing unit: item 11's 减分项. */
  upheld: number;
  respondedOnTime: number;
}

/**
 * Counted from the complaints (features/evaluation writes them) through their indexes on (unitLk,
 * campaignId, …) for the unit's level k (1 for the 考评): three counts, never a read of the complaints.
 * Shared because the management function's 考评 reads them too.
 */
export async function complaintFigures(store: Pick<Store, 'count'>, campaignId: string, unitId: string, level = 1): Promise<ComplaintFigures> {
  const of = { [`unitL${level}`]: unitId, campaignId };
  const [filed, upheld, respondedOnTime] = await Promise.all([
    store.count('complaints', of),
    store.count('complaints', { ...of, verdict: 'upheld' }),
    store.count('complaints', { ...of, respondedOnTime: true }),
  ]);
  return { filed, upheld, respondedOnTime };
}

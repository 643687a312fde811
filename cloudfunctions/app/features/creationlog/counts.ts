import { randomInt } from 'node:crypto';
import { ENTRY_CATEGORIES, type EntryCategory } from '../../../../shared/domain/creationlog/categories';
import type { MonthCountsView } from '../../../../shared/contract/creationlog-views';
import { addDays, chinaDateOf } from '../../../../shared/domain/filing/window';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { CreationActiveDayDoc, CreationCountDoc } from '../../collections/creationlog';
import { DuplicateKeyError, findAll, TransactionConflictError, type Store, type StoreOps } from '../../ports/store';

/**
 * Figures of the creation log, changed in the same transaction as the submit that changes them, so they are
 * never stale and never need a scan. As with filing counts (common/filing-counts.ts), each unit's counter is split
 * over shards so that the root's (every submission of a campaign) is not one document every writer touches;
 * a write picks one shard at random (again on every retry) and a read sums them.
 */
export const COUNT_SHARDS = 16;

const collectiveKey = (collectiveId: string) => `c:${collectiveId}`;

/** Adds `by` to a counter document, creating it on first use; a concurrent creation makes the transaction run again. */
async function bump<T extends { id: string }>(tx: StoreOps, collection: string, fresh: T, inc: Record<string, number>): Promise<void> {
  if (await tx.update(collection, fresh.id, { inc })) return;
  const doc: Record<string, unknown> = { ...fresh };
  for (const [field, by] of Object.entries(inc)) doc[field] = ((doc[field] as number | undefined) ?? 0) + by;
  try {
    await tx.insert(collection, doc as T);
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new TransactionConflictError(`counter ${fresh.id} created concurrently`);
    throw error;
  }
}

/** One more entry submitted in `month` under `category`: for every unit on the path (in the campaign) and for the collective itself. */
export async function countSubmission(
  tx: StoreOps,
  entry: { campaignId: string; unitPath: string; collectiveId: string; category: EntryCategory },
  month: string,
  shard = randomInt(COUNT_SHARDS),
): Promise<void> {
  const inc = { total: 1, [entry.category]: 1 };
  const owners = [
    ...pathIds(entry.unitPath).map((unitId) => ({ campaignId: entry.campaignId, unitId, shard })),
    // Only the collective writes its own counter: no shards.
    { campaignId: '', unitId: collectiveKey(entry.collectiveId), shard: 0 },
  ];
  for (const owner of owners) {
    const id = `${owner.campaignId}:${owner.unitId}:${month}:${owner.shard}`;
    await bump<CreationCountDoc>(tx, 'creationCounts', { id, ...owner, month, total: 0 }, inc);
  }
}

/**
 * A collective's latest submission moved from the day `from` (null: none before) under `fromPath` to `to`
 * under `toPath`: every unit on each path counts collectives by the day of their latest submission.
 */
export async function moveActiveDay(tx: StoreOps, from: { day: string; unitPath: string } | null, to: { day: string; unitPath: string }): Promise<void> {
  if (from && from.day === to.day && from.unitPath === to.unitPath) return;
  const shard = randomInt(COUNT_SHARDS);
  const move = async (day: string, unitPath: string, by: number) => {
    for (const unitId of pathIds(unitPath)) {
      const fresh: CreationActiveDayDoc = { id: `${unitId}:${day}:${shard}`, unitId, day, shard, collectives: 0 };
      await bump(tx, 'creationActiveDays', fresh, { collectives: by });
    }
  };
  if (from) await move(from.day, from.unitPath, -1);
  await move(to.day, to.unitPath, 1);
}

const emptyByCategory = () => Object.fromEntries(ENTRY_CATEGORIES.map((c) => [c, 0])) as Record<EntryCategory, number>;

/** Entries per month (newest first) and per category: of a unit's subtree in a campaign, or (campaignId '') of one collective. */
async function monthCounts(store: Store, campaignId: string, unitId: string): Promise<MonthCountsView[]> {
  const shards = await findAll<CreationCountDoc>(store, 'creationCounts', { where: { campaignId, unitId }, orderBy: { fields: ['unitId'], direction: 'asc' } });
  const months = new Map<string, MonthCountsView>();
  for (const shard of shards) {
    const month = months.get(shard.month) ?? { month: shard.month, total: 0, byCategory: emptyByCategory() };
    month.total += shard.total;
    for (const category of ENTRY_CATEGORIES) month.byCategory[category] += shard[category] ?? 0;
    months.set(shard.month, month);
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? 1 : -1));
}

export const unitMonthCounts = (store: Store, campaignId: string, unitId: string) => monthCounts(store, campaignId, unitId);
export const collectiveMonthCounts = (store: Store, collectiveId: string) => monthCounts(store, '', collectiveKey(collectiveId));

/** The months summed: entries in total and per category. */
export function totalsOf(months: MonthCountsView[]): { total: number; byCategory: Record<EntryCategory, number> } {
  const byCategory = emptyByCategory();
  for (const month of months) for (const category of ENTRY_CATEGORIES) byCategory[category] += month.byCategory[category];
  return { total: months.reduce((sum, m) => sum + m.total, 0), byCategory };
}

/** Collectives of a unit's subtree whose latest submission falls on one of the last `days` China-time days. */
export async function activeCollectives(store: Store, unitId: string, now: Date, days = 30): Promise<number> {
  const today = chinaDateOf(now);
  const shards = await findAll<CreationActiveDayDoc>(store, 'creationActiveDays', {
    where: { unitId, day: { $gte: addDays(today, -(days - 1)), $lte: today } },
    orderBy: { fields: ['day'], direction: 'asc' },
  });
  return shards.reduce((sum, shard) => sum + shard.collectives, 0);
}

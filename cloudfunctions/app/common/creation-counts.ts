import type { MonthCountsView } from '../../../shared/contract/creationlog-views';
import type { CreationCountDoc } from '../collections/creationlog';
import { findAll, type Store } from '../ports/store';

/**
 * Readers of the creation log's counters (features/creationlog/counts.ts writes them with each submission):
 * shared because the 考评 evidence of the management function reads a unit's entries too.
 */

/** A collective's own counter is keyed apart from the units'. */
export const collectiveKey = (collectiveId: string) => `c:${collectiveId}`;

/** A counter's own fields (guidance and reads included); every other field counts one category (by its code). */
const COUNTER_FIELDS = new Set(['id', 'campaignId', 'unitId', 'month', 'shard', 'total', 'guidance', 'read']);

/** Adds each category's count of `from` to `into`. */
function addCategories(into: Record<string, number>, from: Record<string, unknown>): void {
  for (const [code, n] of Object.entries(from)) if (!COUNTER_FIELDS.has(code) && typeof n === 'number') into[code] = (into[code] ?? 0) + n;
}

/** The counter shards of a unit's subtree in a campaign, or (campaignId '') of one collective. */
const shardsOf = (store: Store, campaignId: string, unitId: string) =>
  findAll<CreationCountDoc>(store, 'creationCounts', { where: { campaignId, unitId }, orderBy: { fields: ['unitId'], direction: 'asc' } });

/** Entries per month (newest first) and per category, summed over the shards. */
function monthsOf(shards: CreationCountDoc[]): MonthCountsView[] {
  const months = new Map<string, MonthCountsView>();
  for (const shard of shards) {
    const month = months.get(shard.month) ?? { month: shard.month, total: 0, byCategory: {} };
    month.total += shard.total;
    addCategories(month.byCategory, shard);
    months.set(shard.month, month);
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? 1 : -1));
}

export const unitMonthCounts = async (store: Store, campaignId: string, unitId: string) => monthsOf(await shardsOf(store, campaignId, unitId));
export const collectiveMonthCounts = async (store: Store, collectiveId: string) => monthsOf(await shardsOf(store, '', collectiveKey(collectiveId)));

/**
 * A unit's subtree in a campaign, in one read of its counters: its entries per month, how many of them an admin
 * of their branch has read, and the 指导意见 the unit's admins and those below gave.
 */
export async function unitCreationFigures(store: Store, campaignId: string, unitId: string): Promise<{ months: MonthCountsView[]; read: number; guidance: number }> {
  const shards = await shardsOf(store, campaignId, unitId);
  const sum = (field: 'read' | 'guidance') => shards.reduce((total, shard) => total + (shard[field] ?? 0), 0);
  return { months: monthsOf(shards), read: sum('read'), guidance: sum('guidance') };
}

/** The months summed: entries in total and per category. */
export function totalsOf(months: MonthCountsView[]): { total: number; byCategory: Record<string, number> } {
  const byCategory: Record<string, number> = {};
  for (const month of months) addCategories(byCategory, month.byCategory);
  return { total: months.reduce((sum, m) => sum + m.total, 0), byCategory };
}

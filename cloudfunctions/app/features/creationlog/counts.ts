import { randomInt } from 'node:crypto';
import type { EntryCategory } from '../../../../shared/domain/creationlog/categories';
import { chinaMonthOf } from '../../../../shared/domain/creationlog/silence';
import { addDays, chinaDateOf } from '../../../../shared/domain/filing/window';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { CreationActiveDayDoc, CreationCountDoc, CreationEntryDoc, GuidanceRecord } from '../../collections/creationlog';
import { collectiveKey } from '../../common/creation-counts';
import type { Deps } from '../../context';
import { DuplicateKeyError, eachDocument, findAll, TransactionConflictError, type Store, type StoreOps } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';

/**
 * Figures of the creation log, changed in the same transaction as the submit that changes them, so they are
 * never stale and never need a scan. As with filing counts (common/filing-counts.ts), each unit's counter is split
 * over shards so that the root's (every submission of a campaign) is not one document every writer touches;
 * a write picks one shard at random (again on every retry) and a read sums them.
 */
export const COUNT_SHARDS = 16;

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
 * Guidance given on a submitted entry by admins of these unit paths: every unit on each author's path (in the
 * entry's campaign) counts it, under the month the entry was submitted in. One write per counter document,
 * however many of the paths share it.
 */
export async function countGuidance(
  tx: StoreOps,
  entry: Pick<CreationEntryDoc, 'campaignId' | 'submittedAt'>,
  authorUnitPaths: string[],
  shard = randomInt(COUNT_SHARDS),
): Promise<void> {
  if (!entry.submittedAt) return;
  const month = chinaMonthOf(new Date(entry.submittedAt));
  const byUnit = new Map<string, number>();
  for (const path of authorUnitPaths) for (const unitId of pathIds(path)) byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + 1);
  for (const [unitId, by] of byUnit) {
    const fresh: CreationCountDoc = { id: `${entry.campaignId}:${unitId}:${month}:${shard}`, campaignId: entry.campaignId, unitId, month, shard, total: 0 };
    await bump(tx, 'creationCounts', fresh, { guidance: by });
  }
}

/**
 * The unit path of an old guidance record's author: the entry's ancestor at the author's level (the author had
 * the entry in scope, so their unit is on its path; the office, level 0, is the root).
 */
const authorPathOf = (entry: CreationEntryDoc, record: GuidanceRecord) => `/${pathIds(entry.unitPath).slice(0, record.authorLevel + 1).join('/')}/`;

/**
 * The data upgrade of guidance given before it was counted (考评 item 5): each entry holding records without an
 * `authorUnitPath` gets them counted and the path filled in, in one transaction that bumps the entry's version,
 * so a rerun, or guidance added meanwhile (counted by addGuidance), is never counted twice.
 */
export async function upgradeGuidanceCounts(deps: Pick<Deps, 'store'>): Promise<number> {
  let upgraded = 0;
  const uncounted = (entry: CreationEntryDoc) => (entry.guidance ?? []).some((g) => g.authorUnitPath === undefined);
  for await (const found of eachDocument<CreationEntryDoc>(deps.store, 'creationEntries', { orderBy: { fields: [], direction: 'asc' } })) {
    if (!uncounted(found)) continue;
    const done = await transact(deps.store, async (tx) => {
      const entry = await tx.get<CreationEntryDoc>('creationEntries', found.id);
      if (!entry || !uncounted(entry)) return false;
      const fresh = entry.guidance.filter((g) => g.authorUnitPath === undefined).map((g) => authorPathOf(entry, g));
      const guidance = entry.guidance.map((g) => (g.authorUnitPath === undefined ? { ...g, authorUnitPath: authorPathOf(entry, g) } : g));
      if (!(await tx.update('creationEntries', entry.id, { set: { guidance, version: entry.version + 1 } }, { version: entry.version }))) {
        throw new TransactionConflictError(`entry ${entry.id} changed`);
      }
      await countGuidance(tx, entry, fresh);
      return true;
    });
    if (done) upgraded++;
  }
  return upgraded;
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

/** Collectives of a unit's subtree whose latest submission falls on one of the last `days` China-time days. */
export async function activeCollectives(store: Store, unitId: string, now: Date, days = 30): Promise<number> {
  const today = chinaDateOf(now);
  const shards = await findAll<CreationActiveDayDoc>(store, 'creationActiveDays', {
    where: { unitId, day: { $gte: addDays(today, -(days - 1)), $lte: today } },
    orderBy: { fields: ['day'], direction: 'asc' },
  });
  return shards.reduce((sum, shard) => sum + shard.collectives, 0);
}

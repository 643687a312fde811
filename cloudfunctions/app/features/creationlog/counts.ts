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
 * Adds to `field` of the counters of these units (in the entry's campaign), under the month the entry was
 * submitted in, so no month appears for guidance or reads alone. One write per counter document.
 */
async function countOnEntry(
  tx: StoreOps,
  entry: Pick<CreationEntryDoc, 'campaignId' | 'submittedAt'>,
  field: 'guidance' | 'read',
  byUnit: Map<string, number>,
  shard: number,
): Promise<void> {
  if (!entry.submittedAt) return;
  const month = chinaMonthOf(new Date(entry.submittedAt));
  for (const [unitId, by] of byUnit) {
    const fresh: CreationCountDoc = { id: `${entry.campaignId}:${unitId}:${month}:${shard}`, campaignId: entry.campaignId, unitId, month, shard, total: 0 };
    await bump(tx, 'creationCounts', fresh, { [field]: by });
  }
}

/** Guidance given on a submitted entry by admins of these unit paths: every unit on each author's path counts it. */
export async function countGuidance(tx: StoreOps, entry: Pick<CreationEntryDoc, 'campaignId' | 'submittedAt'>, authorUnitPaths: string[], shard = randomInt(COUNT_SHARDS)): Promise<void> {
  const byUnit = new Map<string, number>();
  for (const path of authorUnitPaths) for (const unitId of pathIds(path)) byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + 1);
  await countOnEntry(tx, entry, 'guidance', byUnit, shard);
}

/** Whether an admin of the entry's branch (levels 1–3; not the office) has read it. */
export const readInBranch = (entry: Pick<CreationEntryDoc, 'readL1' | 'readL2' | 'readL3'>) => entry.readL1 || entry.readL2 || entry.readL3;

/** A submitted entry read for the first time by an admin of its branch: every unit on its path counts it once. */
export async function countRead(tx: StoreOps, entry: Pick<CreationEntryDoc, 'campaignId' | 'submittedAt' | 'unitPath'>, shard = randomInt(COUNT_SHARDS)): Promise<void> {
  await countOnEntry(tx, entry, 'read', new Map(pathIds(entry.unitPath).map((unitId) => [unitId, 1])), shard);
}

/**
 * The unit path of an old guidance record's author: the entry's ancestor at the author's level (the author had
 * the entry in scope, so their unit is on its path; the office, level 0, is the root).
 */
const authorPathOf = (entry: CreationEntryDoc, record: GuidanceRecord) => `/${pathIds(entry.unitPath).slice(0, record.authorLevel + 1).join('/')}/`;

const guidanceUncounted = (entry: CreationEntryDoc) => (entry.guidance ?? []).some((g) => g.authorUnitPath === undefined);
const readUncounted = (entry: CreationEntryDoc) => readInBranch(entry) && !entry.readCounted;

/**
 * The data upgrade of guidance given and entries read before either was counted (考评 item 5): each entry
 * holding guidance without an `authorUnitPath`, or read in its branch without `readCounted`, gets them counted
 * and marked, in one transaction that bumps the entry's version, so a rerun, or what addGuidance and readEntry
 * count meanwhile, is never counted twice.
 */
export async function upgradeEntryCounts(deps: Pick<Deps, 'store'>): Promise<number> {
  let upgraded = 0;
  const uncounted = (entry: CreationEntryDoc) => guidanceUncounted(entry) || readUncounted(entry);
  for await (const found of eachDocument<CreationEntryDoc>(deps.store, 'creationEntries', { orderBy: { fields: [], direction: 'asc' } })) {
    if (!uncounted(found)) continue;
    const done = await transact(deps.store, async (tx) => {
      const entry = await tx.get<CreationEntryDoc>('creationEntries', found.id);
      if (!entry || !uncounted(entry)) return false;
      const fresh = entry.guidance.filter((g) => g.authorUnitPath === undefined).map((g) => authorPathOf(entry, g));
      const guidance = entry.guidance.map((g) => (g.authorUnitPath === undefined ? { ...g, authorUnitPath: authorPathOf(entry, g) } : g));
      const read = readUncounted(entry);
      const set = { guidance, ...(read ? { readCounted: true } : {}), version: entry.version + 1 };
      if (!(await tx.update('creationEntries', entry.id, { set }, { version: entry.version }))) throw new TransactionConflictError(`entry ${entry.id} changed`);
      const shard = randomInt(COUNT_SHARDS);
      if (fresh.length > 0) await countGuidance(tx, entry, fresh, shard);
      if (read) await countRead(tx, entry, shard);
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

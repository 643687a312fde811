import { randomInt } from 'node:crypto';
import { FILING_STATUSES, type FilingStatus } from '../../../shared/domain/filing/status';
import { countedTally, tallyChange, tallyOf, type Tally, type TalliedFiling, TALLY_VERSION } from '../../../shared/domain/filing/tally';
import { pathIds } from '../../../shared/domain/unit-tree';
import { DuplicateKeyError, eachDocument, TransactionConflictError, type Store, type StoreOps } from '../ports/store';

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
 *
 * Each write also bumps the shard's `version` and stamps `changedAt`, so that a reader can tell which
 * shards changed since the job last folded a unit's shards into its roll-up (see `readTallies`).
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
  /** Writes so far (absent on shards last written before roll-ups). */
  version?: number;
  /** When the last write stamped it, by the writer's clock (ISO); absent like `version`. */
  changedAt?: string;
}

/** A shard's numbers that are not part of the tally. */
const NOT_TALLIED = new Set(['shard', 'version']);

/**
 * One unit's shards as the job last folded them (jobs/filing-rollups.ts): their summed tally and each
 * shard's version at that time. It is a consistent snapshot: every shard of the unit was read after
 * `mark` + FOLD_MARGIN_MS, so a shard whose version differs now was written by a transaction that
 * stamped it at or after `mark`. What each shard held when folded is kept apart, in `FoldedShardDoc`s,
 * so that reading a roll-up costs one small document and not the JSON of its 64 shards.
 */
export interface FilingRollupDoc {
  /** `${campaignId}:${unitId}`. */
  id: string;
  campaignId: string;
  unitId: string;
  tally: Tally;
  /** Shard key (see `shardKey`) → its version when folded; every shard the unit had then. */
  versions: Record<string, number>;
  mark: string;
  foldedAt: string;
  /** Bumped by each fold; a fold writes only over the roll-up it read, so concurrent folds cannot interleave. */
  version: number;
}

/** A shard as the fold last read it (id: the shard's), for a reader to take back out of the roll-up's sum. */
export interface FoldedShardDoc {
  id: string;
  version: number;
  tally: Tally;
}

export const rollupId = (campaignId: string, unitId: string) => `${campaignId}:${unitId}`;

/** A shard's key in a roll-up's versions: its number, or `-` for the one unsharded counter older files hold. */
export const shardKey = (shard: FilingCountDoc) => (shard.shard === undefined ? '-' : String(shard.shard));

/**
 * How long before the moment a fold reads a unit's shards a write may have stamped `changedAt` and still
 * commit after that read: the stamp is taken inside the writer's transaction, and no transaction outlives
 * its function (timeout 20 s for requests, 60 s for jobs in cloudbaserc.json). Twice the longest covers
 * that and the clocks of different function instances (NTP-synchronized, well under a second apart).
 */
export const FOLD_MARGIN_MS = 120_000;

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

/** Adds `change` to one shard of the counters of every unit on `unitPath`, stamped for the fold. */
export function addToCounts(tx: StoreOps, campaignId: string, unitPath: string, change: Tally, shard = randomInt(COUNT_SHARDS)): Promise<void> {
  if (Object.keys(change).length === 0) return Promise.resolve();
  // The real clock, as the fold's mark uses: this orders commits, it is not a time users see.
  const changedAt = new Date().toISOString();
  return addToShards(tx, 'filingCounts', campaignId, unitPath, { ...change, version: 1 }, shard, emptyCounts(), { changedAt });
}

/**
 * The sharded pattern for any per-unit counters kept in `collection` (documents `${campaignId}:${unitId}:${shard}`
 * indexed on (campaignId, unitId)): adds `change` to one shard of every unit on `unitPath` (and sets `set`),
 * creating a shard seen for the first time from `base`.
 */
export async function addToShards(
  tx: StoreOps,
  collection: string,
  campaignId: string,
  unitPath: string,
  change: Tally,
  shard: number,
  base: Record<string, number> = {},
  set: Record<string, string> = {},
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  for (const unitId of pathIds(unitPath)) {
    const id = countId(campaignId, unitId, shard);
    if (await tx.update(collection, id, Object.keys(set).length > 0 ? { inc: change, set } : { inc: change })) continue;
    const doc: Record<string, unknown> = { id, campaignId, unitId, shard, ...base, ...set };
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

/** The sum of shards' tallies. */
export function sumOfShards(shards: FilingCountDoc[]): Tally {
  const sum: Tally = {};
  for (const shard of shards) {
    for (const field in shard) {
      const value = shard[field];
      if (typeof value === 'number' && !NOT_TALLIED.has(field)) sum[field] = (sum[field] ?? 0) + value;
    }
  }
  return sum;
}

/** All shards of one unit: one query of at most COUNT_SHARDS + 1 small documents, whatever the number of filings. */
export async function unitShards(store: Pick<Store, 'find'>, campaignId: string, unitId: string, collection = 'filingCounts'): Promise<FilingCountDoc[]> {
  const page = await store.find<FilingCountDoc>(collection, { where: { campaignId, unitId }, orderBy: { fields: ['unitId'], direction: 'asc' }, limit: COUNT_SHARDS + 1 });
  return page.items;
}

/** Adds `tally` times `sign` into `into`. */
function addTally(into: Tally, tally: Tally, sign: 1 | -1): void {
  for (const field in tally) into[field] = (into[field] ?? 0) + sign * tally[field];
}

/** The folded copies of these shards: a query per 1000 (CloudBase's most per query), not a read each. */
async function foldedCopies(store: Pick<Store, 'find'>, shardIds: string[]): Promise<Map<string, FoldedShardDoc>> {
  const chunks = Array.from({ length: Math.ceil(shardIds.length / 1000) }, (_, i) => shardIds.slice(i * 1000, (i + 1) * 1000));
  const pages = await Promise.all(chunks.map((ids) => store.find<FoldedShardDoc>('filingFoldedShards', { where: { id: { $in: ids } }, orderBy: { fields: [], direction: 'asc' }, limit: 1000 })));
  return new Map(pages.flatMap((page) => page.items.map((copy) => [copy.id, copy] as const)));
}

/**
 * The summed tallies of several units' subtrees, exact at the time of reading. A unit the job has folded
 * is read from its roll-up: the shards stamped at or after the roll-up's mark (one indexed query for all
 * the units: those filed in since the last fold, usually a few) are compared by version, and each one the
 * roll-up does not hold as it is now has its folded values (kept beside the roll-up) replaced by its current ones.
 * So the office's 61 units cost 61 small roll-ups plus the shards that changed, instead of ~3,900 shards.
 * A unit without a roll-up (not folded yet), or whose folded copy of a shard is not the version its
 * roll-up names (a fold under way), is read from all its shards as before.
 */
export async function readTallies(store: Pick<Store, 'find'>, campaignId: string, unitIds: string[]): Promise<Map<string, Tally>> {
  const rollups = new Map<string, FilingRollupDoc>();
  for await (const rollup of eachDocument<FilingRollupDoc>(store, 'filingRollups', { where: { campaignId, unitId: { $in: unitIds } }, orderBy: { fields: ['unitId'], direction: 'asc' } }, 1000)) {
    rollups.set(rollup.unitId, rollup);
  }
  const changed: Array<{ shard: FilingCountDoc; folded: number | undefined }> = [];
  if (rollups.size > 0) {
    const since = [...rollups.values()].reduce((min, r) => (r.mark < min ? r.mark : min), '\uffff');
    const where = { campaignId, unitId: { $in: [...rollups.keys()] }, changedAt: { $gte: since } };
    for await (const shard of eachDocument<FilingCountDoc>(store, 'filingCounts', { where, orderBy: { fields: ['changedAt'], direction: 'asc' } }, 1000)) {
      const folded = rollups.get(shard.unitId)?.versions[shardKey(shard)];
      if ((shard.version ?? 0) !== folded) changed.push({ shard, folded });
    }
  }
  const copies = await foldedCopies(store, changed.filter(({ folded }) => folded !== undefined).map(({ shard }) => shard.id));
  const deltas = new Map<string, Tally>();
  const fromShards = new Set(unitIds.filter((unitId) => !rollups.has(unitId)));
  changed.forEach(({ shard, folded }) => {
    const copy = copies.get(shard.id);
    if (folded !== undefined && copy?.version !== folded) return void fromShards.add(shard.unitId);
    const delta = deltas.get(shard.unitId) ?? {};
    addTally(delta, sumOfShards([shard]), 1);
    if (copy) addTally(delta, copy.tally, -1);
    deltas.set(shard.unitId, delta);
  });
  const read = await Promise.all([...fromShards].map(async (unitId) => [unitId, sumOfShards(await unitShards(store, campaignId, unitId))] as const));
  const fresh = new Map(read);
  return new Map(
    unitIds.map((unitId) => {
      const whole = fresh.get(unitId);
      if (whole) return [unitId, whole];
      const tally: Tally = { ...rollups.get(unitId)?.tally };
      addTally(tally, deltas.get(unitId) ?? {}, 1);
      return [unitId, tally];
    }),
  );
}

/** The summed tallies of several units' subtrees in a collection of counters no job folds: all their shards, asked at once. */
export async function readShardTallies(store: Pick<Store, 'find'>, collection: string, campaignId: string, unitIds: string[]): Promise<Map<string, Tally>> {
  return new Map(await Promise.all(unitIds.map(async (unitId) => [unitId, sumOfShards(await unitShards(store, campaignId, unitId, collection))] as const)));
}

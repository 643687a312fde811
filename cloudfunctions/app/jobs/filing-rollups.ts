import type { CampaignDoc } from '../collections';
import type { Deps } from '../context';
import {
  FOLD_MARGIN_MS,
  rollupId,
  shardKey,
  sumOfShards,
  unitShards,
  type FilingCountDoc,
  type FilingRollupDoc,
  type FoldedShardDoc,
} from '../common/filing-counts';
import { DuplicateKeyError, eachDocument, type Filter, type Store } from '../ports/store';

/** Where a campaign's next fold starts looking: shards stamped at or after `since` (absent: every shard). */
interface FilingFoldDoc {
  id: string;
  since: string;
  version: number;
}

/** Units folded at once: the reads and writes of one unit are two calls, and a run must fit the jobs function's 60 s. */
const PARALLEL_UNITS = 8;

/** A shard's folded copy, written whole whether or not an older one exists. */
async function putFoldedShard(store: Store, copy: FoldedShardDoc): Promise<void> {
  const patch = { set: { version: copy.version, tally: copy.tally } };
  if (await store.update('filingFoldedShards', copy.id, patch)) return;
  try {
    await store.insert('filingFoldedShards', copy);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    await store.update('filingFoldedShards', copy.id, patch);
  }
}

/**
 * Folds one unit's shards into its roll-up: reads them all (after taking the mark, so every write it
 * misses stamped at or after the mark), writes a copy of each shard that changed since the roll-up it was
 * given, then their sum and versions over that roll-up. Another fold that wrote the roll-up meanwhile wins;
 * this one answers false and leaves it (a reader that then finds a copy of another version than the
 * roll-up names reads that unit from its shards).
 */
async function foldUnit(store: Store, campaignId: string, unitId: string, previous: FilingRollupDoc | undefined, clock: () => number): Promise<boolean> {
  const mark = new Date(clock() - FOLD_MARGIN_MS).toISOString();
  const shards = await unitShards(store, campaignId, unitId);
  const moved = shards.filter((shard) => (shard.version ?? 0) !== previous?.versions[shardKey(shard)]);
  await Promise.all(moved.map((shard) => putFoldedShard(store, { id: shard.id, version: shard.version ?? 0, tally: sumOfShards([shard]) })));
  const folded = {
    tally: sumOfShards(shards),
    versions: Object.fromEntries(shards.map((shard) => [shardKey(shard), shard.version ?? 0])),
    mark,
    foldedAt: new Date(clock()).toISOString(),
    version: (previous?.version ?? 0) + 1,
  };
  if (previous) return store.update('filingRollups', previous.id, { set: folded }, { version: previous.version });
  try {
    await store.insert<FilingRollupDoc>('filingRollups', { id: rollupId(campaignId, unitId), campaignId, unitId, ...folded });
    return true;
  } catch (error) {
    if (error instanceof DuplicateKeyError) return false;
    throw error;
  }
}

/**
 * Folds the units of one campaign whose shards were stamped since the last run (all of them the first
 * time). A unit is folded again while a shard carries a stamp at or after its roll-up's mark, so its mark
 * moves past the stamps and readers stop comparing those shards. Answers how many roll-ups it wrote.
 */
export async function foldCampaign(store: Store, campaignId: string, clock: () => number = Date.now): Promise<number> {
  const started = new Date(clock() - FOLD_MARGIN_MS).toISOString();
  const state = await store.get<FilingFoldDoc>('filingFolds', campaignId);
  const rollups = new Map<string, FilingRollupDoc>();
  for await (const rollup of eachDocument<FilingRollupDoc>(store, 'filingRollups', { where: { campaignId }, orderBy: { fields: ['unitId'], direction: 'asc' } }, 1000)) {
    rollups.set(rollup.unitId, rollup);
  }
  const due = new Set<string>();
  const where: Filter = state ? { campaignId, changedAt: { $gte: state.since } } : { campaignId };
  for await (const shard of eachDocument<FilingCountDoc>(store, 'filingCounts', { where, orderBy: { fields: ['changedAt'], direction: 'asc' } }, 1000)) {
    const rollup = rollups.get(shard.unitId);
    if (!rollup || (shard.version ?? 0) !== rollup.versions[shardKey(shard)] || (shard.changedAt ?? '') >= rollup.mark) due.add(shard.unitId);
  }
  const units = [...due];
  let written = 0;
  let lost = false;
  for (let i = 0; i < units.length; i += PARALLEL_UNITS) {
    const results = await Promise.all(units.slice(i, i + PARALLEL_UNITS).map((unitId) => foldUnit(store, campaignId, unitId, rollups.get(unitId), clock)));
    written += results.filter(Boolean).length;
    lost ||= results.includes(false);
  }
  // Every change before `started` is now in a roll-up, unless a concurrent fold wrote one of them: then the
  // next run looks from the same point again. (Readers do not depend on this: they check each unit's own mark.)
  if (!lost) await advance(store, campaignId, state, started);
  return written;
}

async function advance(store: Store, campaignId: string, state: FilingFoldDoc | null, since: string): Promise<void> {
  if (state) {
    await store.update('filingFolds', campaignId, { set: { since, version: state.version + 1 } }, { version: state.version });
    return;
  }
  try {
    await store.insert<FilingFoldDoc>('filingFolds', { id: campaignId, since, version: 1 });
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
  }
}

/** Every campaign's counters folded into roll-ups; a run with nothing stamped since the last costs one query per campaign. */
export async function foldFilingCounts(deps: Pick<Deps, 'store'>, clock: () => number = Date.now): Promise<number> {
  let written = 0;
  for await (const campaign of eachDocument<CampaignDoc>(deps.store, 'campaigns', { orderBy: { fields: ['createdAt'], direction: 'asc' } })) {
    written += await foldCampaign(deps.store, campaign.id, clock);
  }
  return written;
}

/** As often as the CloudBase timer runs the jobs; between folds, readers read changed units from their shards. */
export const filingRollups = {
  everyMinutes: 10,
  async run(deps: Deps): Promise<void> {
    await foldFilingCounts(deps);
  },
};

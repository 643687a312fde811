import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS, type CampaignDoc, type UnitDoc } from '../../cloudfunctions/app/collections';
import type { CollectiveDoc, FilingDoc } from '../../cloudfunctions/app/collections/filing';
import { countId, emptyCounts, type FilingCountDoc } from '../../cloudfunctions/app/common/filing-counts';
import { listQueue } from '../../cloudfunctions/app/features/review/list-queue';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import type { FilingStatus } from '../../shared/domain/filing/status';
import { pathIds } from '../../shared/domain/unit-tree';
import { completeContent } from '../../tests/support/filing';
import { adminOf, benchContext, benchTime, measure, unitTree } from './support';

/**
 * Review-queue latency (the `review.listQueue` use case on a real SQLite file) for the first page and a
 * deep page, filtered by a unit subtree and a status, on stores seeded with 1,000 and 100,000
 * collectives and filings; then the ratio. The store is seeded with direct inserts in one transaction.
 * Units: 25 level-1 branches × 4 level-2 × 5 level-3; filings spread evenly over the level-3 units.
 */
const SIZES = [1_000, 100_000];
const CAMPAIGN = 'bench-campaign';
const STATUS_CYCLE: FilingStatus[] = ['filed', 'draft', 'reviewing', 'filed', 'approved', 'returned', 'filed', 'approved', 'draft', 'reviewing'];

interface Seeded {
  store: SqliteStore;
  dir: string;
  root: UnitDoc;
  level1: UnitDoc;
  level2: UnitDoc;
}

async function seed(size: number): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-queue-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'), COLLECTIONS);
  const at = benchTime;
  const { root, units, leaves } = unitTree();
  const campaign: CampaignDoc = { id: CAMPAIGN, name: '基准创建工作', level: 'city', term: '2017—2018', filingCloses: { before: '2019-01-20' }, createdAt: at(0) };
  const content = completeContent();
  const counts = new Map<string, Record<FilingStatus, number>>();
  await store.transaction(async (tx) => {
    await tx.insert('campaigns', campaign);
    for (const unit of units) await tx.insert('units', unit);
    for (let i = 0; i < size; i++) {
      const unit = leaves[i % leaves.length];
      const [, l1 = '', l2 = '', l3 = ''] = pathIds(unit.path);
      const status = STATUS_CYCLE[Math.floor(i / leaves.length) % STATUS_CYCLE.length];
      const name = `集体${i}`;
      const collective: CollectiveDoc = {
        id: `c${i}`, accountId: `a${i}`, code: `JT${i}`, unitId: unit.id, unitPath: unit.path, name, normalizedName: name, formerNames: [], formerCodes: [],
        status: 'active', predecessorId: null, createdAt: at(i), updatedAt: at(i), version: 1,
      };
      const filing: FilingDoc = {
        id: `${CAMPAIGN}:c${i}`, campaignId: CAMPAIGN, collectiveId: collective.id, name, normalizedName: name, unitId: unit.id, unitPath: unit.path,
        unitLevel: 3, unitL1: l1, unitL2: l2, unitL3: l3, category: unit.kind as FilingDoc['category'], status, stage: status === 'filed' ? 3 : null,
        stageUnitId: status === 'filed' ? unit.id : '', content: { ...content, name }, topTitle: 'county', nonPublic: false, opinions: [], history: [],
        feedback: null, possibleDuplicateIds: [], revocationId: null, submittedAt: at(i), createdAt: at(i), updatedAt: at(i), version: 2,
      };
      await tx.insert('collectives', collective);
      await tx.insert('filings', filing);
      for (const unitId of ['root', l1, l2, l3]) {
        const c = counts.get(unitId) ?? emptyCounts();
        c[status]++;
        counts.set(unitId, c);
      }
    }
    for (const [unitId, c] of counts) {
      const doc: FilingCountDoc = { id: countId(CAMPAIGN, unitId, 0), campaignId: CAMPAIGN, unitId, shard: 0, ...c };
      await tx.insert('filingCounts', doc);
    }
  });
  return { store, dir, root, level1: units.find((u) => u.id === 'u7')!, level2: units.find((u) => u.id === 'u7-2')! };
}

type Figures = Record<string, { p50: number; p95: number; depth: number; rows: number }>;

/**
 * `limits`: page size per scope. The first (smallest) store decides it: a subtree holding fewer filed
 * filings than a page there is read with pages of that size in both stores, so both do the same work.
 */
async function benchSize(size: number, limits: Record<string, number>): Promise<Figures> {
  const started = performance.now();
  const s = await seed(size);
  console.log(`seeded ${size.toLocaleString('en')} collectives and filings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const figures: Figures = {};
  try {
    for (const [label, unit] of [['whole store (office)', s.root], ['level-1 subtree', s.level1], ['level-2 subtree', s.level2]] as const) {
      const ctx = benchContext(s.store, adminOf(unit));
      if (limits[label] === undefined) {
        const probe = await listQueue(ctx, { campaignId: CAMPAIGN, status: 'filed', sort: 'recent', limit: 20 });
        limits[label] = Math.max(1, probe.items.length);
      }
      const input = { campaignId: CAMPAIGN, status: 'filed' as const, sort: 'recent' as const, limit: limits[label] };
      // The deep page: the cursor halfway down this subtree's filed filings, found by walking the pages.
      const cursors: Array<string | undefined> = [undefined];
      for (let cursor: string | null | undefined = undefined; ; ) {
        const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(ctx, { ...input, cursor: cursor ?? undefined });
        if (!page.nextCursor) break;
        cursors.push(page.nextCursor);
        cursor = page.nextCursor;
      }
      const deepIndex = Math.floor((cursors.length - 1) / 2);
      const first = await listQueue(ctx, input);
      const deep = await listQueue(ctx, { ...input, cursor: cursors[deepIndex] });
      figures[`${label}, first page`] = { ...(await measure(() => listQueue(ctx, input))), depth: 0, rows: first.items.length };
      figures[`${label}, deep page`] = { ...(await measure(() => listQueue(ctx, { ...input, cursor: cursors[deepIndex] }))), depth: deepIndex * input.limit, rows: deep.items.length };
    }
  } finally {
    await s.store.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
  return figures;
}

export async function run(): Promise<void> {
  const results: Figures[] = [];
  const limits: Record<string, number> = {};
  for (const size of SIZES) {
    const figures = await benchSize(size, limits);
    results.push(figures);
    for (const [name, f] of Object.entries(figures)) {
      console.log(`  ${size.toLocaleString('en').padStart(7)} | ${name.padEnd(34)} | after ${String(f.depth).padStart(5)} rows, ${String(f.rows).padStart(2)} on the page | p50 ${f.p50.toFixed(2)} ms | p95 ${f.p95.toFixed(2)} ms`);
    }
  }
  console.log('\nratio 100,000 / 1,000 (p95; aim ≤ 2, and p95 ≤ 20 ms at 100,000). The deep page is the one halfway down the');
  console.log("subtree's filed filings in each store; a scope whose subtree holds less than 20 at 1,000 is paged by that many in both.");
  for (const name of Object.keys(results[1])) {
    console.log(`  ${name.padEnd(34)} | ${(results[1][name].p95 / results[0][name].p95).toFixed(2)}× | p95 at 100,000: ${results[1][name].p95.toFixed(2)} ms`);
  }
}


import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS, type CampaignDoc, type UnitDoc } from '../../cloudfunctions/app/collections';
import type { CreationEntryDoc, CreationReadDoc } from '../../cloudfunctions/app/collections/creationlog';
import { feed } from '../../cloudfunctions/app/features/creationlog/feed';
import { cursorAfter } from '../../cloudfunctions/app/ports/store';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { ENTRY_CATEGORIES } from '../../shared/domain/creationlog/categories';
import { pathIds } from '../../shared/domain/unit-tree';
import { adminOf, benchContext, benchTime, measure, unitTree } from './support';

/**
 * The admins' creation-log feed (the `creationlog.feed` use case on a real SQLite file): the first page and a
 * deep page (halfway down), for the whole campaign (the office) and a level-1 subtree, on stores seeded with
 * 10,000 and 100,000 entries; then the ratio. One entry in ten is a draft (which the feed never shows), and
 * the admin has read one submitted entry in three, so each page's unread marks are looked up for real.
 * Units: 25 level-1 branches × 4 level-2 × 5 level-3; entries spread evenly over the level-3 units.
 */
const SIZES = [10_000, 100_000];
const CAMPAIGN = 'bench-campaign';
const TEXT = '班组青年在公交站台开展志愿服务，为乘客指路、帮扶老人上下车。'.repeat(6);

interface Seeded {
  store: SqliteStore;
  dir: string;
  scopes: Array<{ label: string; unit: UnitDoc; entries: CreationEntryDoc[] }>;
}

async function seed(size: number): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-creationlog-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'), COLLECTIONS);
  const { root, units, leaves } = unitTree();
  const level1 = units.find((u) => u.id === 'u7')!;
  const campaign: CampaignDoc = { id: CAMPAIGN, name: '基准创建工作', level: 'city', term: '2017—2018', filingCloses: { before: '2019-01-20' }, createdAt: benchTime(0) };
  const submitted: CreationEntryDoc[] = [];
  await store.transaction(async (tx) => {
    await tx.insert('campaigns', campaign);
    for (const unit of units) await tx.insert('units', unit);
    for (let i = 0; i < size; i++) {
      const unit = leaves[i % leaves.length];
      const [, unitL1 = '', unitL2 = '', unitL3 = ''] = pathIds(unit.path);
      const draft = i % 10 === 9;
      const entry: CreationEntryDoc = {
        id: `e${String(i).padStart(7, '0')}`, collectiveId: `c${i % 3000}`, collectiveName: `集体${i % 3000}`, campaignId: CAMPAIGN,
        unitId: unit.id, unitName: unit.name, unitPath: unit.path, unitL1, unitL2, unitL3, status: draft ? 'draft' : 'submitted',
        title: `创建工作动态${i}`, workDate: '2018-11-18', text: TEXT, images: [], category: ENTRY_CATEGORIES[i % ENTRY_CATEGORIES.length],
        eventId: null, eventTitle: null, correctsId: null, correctsTitle: null, submittedAt: draft ? null : benchTime(i),
        readL0: i % 3 === 0, readL1: i % 3 === 0, readL2: false, readL3: false, guidance: [], createdAt: benchTime(i), updatedAt: benchTime(i), version: 2,
      };
      await tx.insert('creationEntries', entry);
      if (draft) continue;
      submitted.push(entry);
      if (i % 3 === 0) {
        for (const admin of [adminOf(root), adminOf(level1)]) {
          if (admin.unitId !== 'root' && entry.unitL1 !== level1.id) continue;
          const read: CreationReadDoc = { id: `${entry.id}:${admin.id}`, entryId: entry.id, adminId: admin.id, at: benchTime(i) };
          await tx.insert('creationReads', read);
        }
      }
    }
  });
  // Newest first, as the feed orders them.
  const newestFirst = [...submitted].reverse();
  return {
    store,
    dir,
    scopes: [
      { label: 'whole campaign (office)', unit: root, entries: newestFirst },
      { label: 'level-1 subtree', unit: level1, entries: newestFirst.filter((e) => e.unitL1 === level1.id) },
    ],
  };
}

type Figures = Record<string, { p50: number; p95: number; depth: number; rows: number }>;

async function benchSize(size: number): Promise<Figures> {
  const started = performance.now();
  const s = await seed(size);
  console.log(`seeded ${size.toLocaleString('en')} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const figures: Figures = {};
  try {
    for (const { label, unit, entries } of s.scopes) {
      const ctx = benchContext(s.store, adminOf(unit));
      const input = { campaignId: CAMPAIGN, limit: 20 };
      // The deep page: the one after the entry halfway down this scope's feed.
      const depth = Math.floor(entries.length / 2);
      const cursor = cursorAfter(entries[depth - 1] as unknown as Record<string, unknown>, ['submittedAt']);
      const first = await feed(ctx, input);
      const deep = await feed(ctx, { ...input, cursor });
      if (deep.items[0]?.id !== entries[depth].id) throw new Error(`the deep page of ${label} does not start where expected`);
      figures[`${label}, first page`] = { ...(await measure(() => feed(ctx, input))), depth: 0, rows: first.items.length };
      figures[`${label}, deep page`] = { ...(await measure(() => feed(ctx, { ...input, cursor }))), depth, rows: deep.items.length };
    }
  } finally {
    await s.store.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
  return figures;
}

export async function run(): Promise<void> {
  const results: Figures[] = [];
  for (const size of SIZES) {
    const figures = await benchSize(size);
    results.push(figures);
    for (const [name, f] of Object.entries(figures)) {
      console.log(`  ${size.toLocaleString('en').padStart(7)} | ${name.padEnd(36)} | after ${String(f.depth).padStart(5)} rows, ${String(f.rows).padStart(2)} on the page | p50 ${f.p50.toFixed(2)} ms | p95 ${f.p95.toFixed(2)} ms`);
    }
  }
  console.log('\nratio 100,000 / 10,000 (p95; aim ≤ 2, and p95 ≤ 20 ms at 100,000):');
  for (const name of Object.keys(results[1])) {
    console.log(`  ${name.padEnd(36)} | ${(results[1][name].p95 / results[0][name].p95).toFixed(2)}× | p95 at 100,000: ${results[1][name].p95.toFixed(2)} ms`);
  }
}

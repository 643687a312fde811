import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS, type CampaignDoc } from '../../cloudfunctions/app/collections';
import type { EvaluationDoc, PublicPageDoc } from '../../cloudfunctions/app/collections/evaluation';
import type { CollectiveDoc } from '../../cloudfunctions/app/collections/filing';
import { zeroCounts } from '../../cloudfunctions/app/common/public-pages';
import { publicPage } from '../../cloudfunctions/app/features/evaluation/public-page';
import { ratingField, UNIT_COUNTS } from '../../cloudfunctions/app/features/evaluation/unit-counts';
import { unitStatisticsFigures } from '../../cloudfunctions/app/features/evaluation/unit-statistics';
import { COUNT_SHARDS, countId } from '../../cloudfunctions/app/common/filing-counts';
import { pathIds } from '../../shared/domain/unit-tree';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { RATINGS } from '../../shared/domain/evaluation/rules';
import { adminOf, benchContext, benchTime, measure, unitTree } from './support';

/**
 * The 三亮 page (`evaluation.publicPage` on a real SQLite file: the collective by its public code, its mark,
 * unit, complaint channel, the summary from its counters and the first page of public comments) on stores
 * of 10,000 collectives holding 10,000 and 1,000,000 evaluations, spread evenly; every other one has a
 * comment that passed content security. Each call asks for a different collective, in turn, among 500.
 * The store is seeded with direct inserts, 50,000 per transaction, counters written to match (the units'
 * sharded ones too). Then the office's 社会评价统计 on the same store: 25 level-1 rows from the counters.
 */
const COLLECTIVES = 10_000;
const SIZES = [10_000, 1_000_000];
const CHUNK = 50_000;
const SAMPLED = 500;

const codeOf = (i: number) => `bench${String(i).padStart(5, '0')}`;

async function seed(evaluations: number): Promise<{ store: SqliteStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-evaluation-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'), COLLECTIONS);
  const { units, leaves } = unitTree();
  const campaign: CampaignDoc = { id: 'bench-campaign', name: '基准创建工作', level: 'city', term: '2017—2018', filingCloses: { before: '2019-01-20' }, createdAt: benchTime(0) };
  const counts = Array.from({ length: COLLECTIVES }, (_, i) => zeroCounts(`c${i}`));
  // The units' sharded counters (features/evaluation/unit-counts.ts), as evaluate would have moved them.
  const unitCounts = new Map<string, Record<string, string | number>>();
  await store.transaction(async (tx) => {
    await tx.insert('campaigns', campaign);
    for (const unit of units) await tx.insert('units', unit);
    for (let i = 0; i < COLLECTIVES; i++) {
      const unit = leaves[i % leaves.length];
      const collective: CollectiveDoc = {
        id: `c${i}`, accountId: `a${i}`, code: `JT${i}`, unitId: unit.id, unitPath: unit.path, name: `集体${i}`, normalizedName: `集体${i}`, formerNames: [], formerCodes: [],
        status: 'active', predecessorId: null, createdAt: benchTime(i), updatedAt: benchTime(i), version: 1,
      };
      const page: PublicPageDoc = { id: collective.id, code: codeOf(i), commitment: '微笑服务，首问负责，限时办结。', address: '岳阳市', serviceHours: '8:30—17:30', unitPath: collective.unitPath, active: true, complete: true, updatedAt: benchTime(i), version: 1 };
      await tx.insert('collectives', collective);
      await tx.insert('publicPages', page);
    }
  });
  for (let from = 0; from < evaluations; from += CHUNK) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(evaluations, from + CHUNK); i++) {
        const c = i % COLLECTIVES;
        const rating = RATINGS[i % 7 % 5];
        const source = i % 10 === 9 ? 'h5' : 'wechat';
        const commented = i % 2 === 0;
        const doc: EvaluationDoc = {
          id: `e${i}`, collectiveId: `c${c}`, unitPath: leaves[c % leaves.length].path, campaignId: 'bench-campaign', channel: 'general', source, visitorId: `wx:o${i}`,
          signupId: null, eventId: null, month: '2018-11', rating, tags: ['服务态度'], comment: commented ? '服务周到，办事效率高，值得表扬。' : null,
          commentState: commented ? 'shown' : 'none', held: false, commentShown: commented, changedAt: null, createdAt: benchTime(i), updatedAt: benchTime(i),
        };
        await tx.insert('evaluations', doc);
        counts[c][`${source}${rating}`]++;
        const shard = i % COUNT_SHARDS;
        for (const unitId of pathIds(doc.unitPath)) {
          const id = countId('bench-campaign', unitId, shard);
          const counter = unitCounts.get(id) ?? { id, campaignId: 'bench-campaign', unitId, shard };
          const field = ratingField(source, rating, doc.month!);
          counter[field] = ((counter[field] as number | undefined) ?? 0) + 1;
          unitCounts.set(id, counter);
        }
      }
    });
  }
  await store.transaction(async (tx) => {
    for (const doc of counts) await tx.insert('evaluationCounts', doc);
    for (const doc of unitCounts.values()) await tx.insert(UNIT_COUNTS, doc as { id: string });
  });
  return { store, dir };
}

export async function run(): Promise<void> {
  const p95s: number[] = [];
  for (const size of SIZES) {
    const started = performance.now();
    const { store, dir } = await seed(size);
    console.log(`seeded ${COLLECTIVES.toLocaleString('en')} collectives and ${size.toLocaleString('en')} evaluations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    try {
      const ctx = benchContext(store, adminOf(unitTree().root));
      let turn = 0;
      const sample = await publicPage(ctx, { code: codeOf(0) });
      const figures = await measure(() => publicPage(ctx, { code: codeOf((turn++ * 7919) % SAMPLED) }));
      p95s.push(figures.p95);
      console.log(
        `  ${size.toLocaleString('en').padStart(9)} evaluations | 三亮 page (summary + ${sample.comments.items.length} comments; ${sample.summary.counted} counted on the first) | p50 ${figures.p50.toFixed(2)} ms | p95 ${figures.p95.toFixed(2)} ms`,
      );
      // The office's 社会评价统计: a row per level-1 unit (25), its total and trend, read from counters and indexed counts.
      const statistics = await unitStatisticsFigures(ctx, { campaignId: 'bench-campaign' });
      const office = await measure(() => unitStatisticsFigures(ctx, { campaignId: 'bench-campaign' }), 200);
      console.log(
        `  ${size.toLocaleString('en').padStart(9)} evaluations | 社会评价统计, office (${statistics.rows.length} rows; ${statistics.total.counted.toLocaleString('en')} counted) | p50 ${office.p50.toFixed(2)} ms | p95 ${office.p95.toFixed(2)} ms`,
      );
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\nratio 1,000,000 / 10,000 (p95; aim ≤ 2, and p95 ≤ 5 ms at 1,000,000): ${(p95s[1] / p95s[0]).toFixed(2)}×`);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import national from '../../tests/fixtures/quotas-national-2017-2018.json';
import { COLLECTIONS, type CampaignDoc, type QuotaDoc, type UnitDoc } from '../../cloudfunctions/app/collections';
import type { FilingDoc, WrittenFiling } from '../../cloudfunctions/app/collections/filing';
import { FOLD_MARGIN_MS, moveCount } from '../../cloudfunctions/app/common/filing-counts';
import { foldFilingCounts } from '../../cloudfunctions/app/jobs/filing-rollups';
import { dashboard } from '../../cloudfunctions/app/features/management/dashboard';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import type { FilingStatus } from '../../shared/domain/filing/status';
import { TALLY_VERSION } from '../../shared/domain/filing/tally';
import { NATIONAL_2017_2018_RULES } from '../../shared/domain/filing/rules';
import { chinaMidnight } from '../../shared/domain/filing/window';
import { childPath, pathIds } from '../../shared/domain/unit-tree';
import { completeContent } from '../../tests/support/filing';
import { adminOf, benchContext, benchTime, measure } from './support';

/**
 * `npm run bench -- dashboard`: the quota dashboard (`management.dashboard`, the use case on a real SQLite
 * file) for a national-size campaign: the 60 rows of the national quota table as level-1 units (each with
 * 3 level-2 and 2 level-3 units under each), 15,000 filings spread over the units by base and over the
 * two-year window, counted through the same counter code every write uses (random shards). The office's
 * view reads 61 units' figures and 183 indexed counts of overdue filings; a level-1 admin's view 4 units'.
 * Measured three times: before the job ever folded the counters (each unit's ~64 shards read), after a fold
 * (each unit's roll-up), and after 100 more filings (units with a shard changed since read from shards).
 * Aim: p95 ≤ 50 ms for the office.
 */
const FILINGS = 15_000;
const CAMPAIGN = 'bench-national';
const STATUS_CYCLE: FilingStatus[] = ['filed', 'reviewing', 'approved', 'filed', 'returned', 'approved', 'draft', 'reviewing', 'approved', 'revoked'];
/** The dashboard is read a month before the close. */
const NOW = new Date('2017-09-01T02:00:00.000Z');

async function seed(store: SqliteStore) {
  const root: UnitDoc = { id: 'root', name: '全国青年文明号活动组委会办公室', kind: 'office', level: 0, parentId: null, path: '/root/', createdAt: benchTime(0) };
  const level1: UnitDoc[] = [];
  const leaves: Array<{ unit: UnitDoc; weight: number }> = [];
  const units: UnitDoc[] = [root];
  const quotas: QuotaDoc[] = [];
  national.rows.forEach((row, a) => {
    const u1: UnitDoc = { id: `n${a}`, name: row.sub ?? row.name, kind: row.kind as UnitDoc['kind'], level: 1, parentId: root.id, path: childPath(root.path, `n${a}`), createdAt: benchTime(a + 1) };
    level1.push(u1);
    units.push(u1);
    quotas.push({ id: `${CAMPAIGN}:${u1.id}`, campaignId: CAMPAIGN, unitId: u1.id, places: null, base: row.base, requiredFilings: row.requiredFilings });
    for (let b = 0; b < 3; b++) {
      const u2: UnitDoc = { id: `n${a}-${b}`, name: `${u1.name}二级${b}`, kind: u1.kind, level: 2, parentId: u1.id, path: childPath(u1.path, `n${a}-${b}`), createdAt: benchTime(b) };
      units.push(u2);
      for (let c = 0; c < 2; c++) {
        const u3: UnitDoc = { id: `n${a}-${b}-${c}`, name: `${u2.name}三级${c}`, kind: u1.kind, level: 3, parentId: u2.id, path: childPath(u2.path, `n${a}-${b}-${c}`), createdAt: benchTime(c) };
        units.push(u3);
        leaves.push({ unit: u3, weight: row.base });
      }
    }
  });
  const campaign: CampaignDoc = {
    id: CAMPAIGN, name: '2017—2018年度全国青年文明号', level: 'national', term: '2017—2018', filingOpens: NATIONAL_2017_2018_RULES.window.opens,
    filingCloses: { before: NATIONAL_2017_2018_RULES.window.closesBefore }, createdAt: benchTime(0),
  };
  // Filings go to leaves in proportion to their unit's base, so 中央企业 (149) holds about 30 times 快递 (5).
  const totalWeight = leaves.reduce((sum, l) => sum + l.weight, 0);
  const slots = leaves.flatMap((l) => Array.from({ length: Math.max(1, Math.round((l.weight / totalWeight) * FILINGS)) }, () => l.unit));
  const opens = chinaMidnight(NATIONAL_2017_2018_RULES.window.opens).getTime();
  const span = NOW.getTime() - opens;
  const content = completeContent();
  await store.transaction(async (tx) => {
    await tx.insert('campaigns', campaign);
    for (const unit of units) await tx.insert('units', unit);
    for (const quota of quotas) await tx.insert('quotas', quota);
    for (let i = 0; i < FILINGS; i++) {
      const unit = slots[i % slots.length];
      const [, l1 = '', l2 = '', l3 = ''] = pathIds(unit.path);
      const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
      const stage = status === 'filed' ? 3 : status === 'reviewing' ? (Math.floor(i / 10) % 2 ? 2 : 1) : null;
      const submitted = new Date(opens + Math.floor((i / FILINGS) * span)).toISOString();
      const updated = new Date(Math.min(NOW.getTime(), Date.parse(submitted) + (i % 40) * 86_400_000)).toISOString();
      const filing: WrittenFiling = {
        id: `${CAMPAIGN}:c${i}`, campaignId: CAMPAIGN, collectiveId: `c${i}`, name: `集体${i}`, normalizedName: `集体${i}`, unitId: unit.id, unitPath: unit.path,
        unitLevel: 3, unitL1: l1, unitL2: l2, unitL3: l3, category: unit.kind as FilingDoc['category'], status, stage: stage as FilingDoc['stage'],
        stageUnitId: stage ? pathIds(unit.path)[stage] : '', content: { ...content, name: `集体${i}` }, topTitle: i % 3 === 0 ? 'provincial' : 'none',
        nonPublic: i % 7 === 0, opinions: [], history: [], feedback: null, possibleDuplicateIds: [], revocationId: null,
        submittedAt: status === 'draft' ? null : submitted, createdAt: submitted, updatedAt: updated, version: 2, tallied: TALLY_VERSION,
      };
      await tx.insert('filings', filing);
      await moveCount(tx, CAMPAIGN, unit.path, null, filing);
    }
  });
  const largest = level1.reduce((a, b) => ((quotas.find((q) => q.unitId === a.id)?.base ?? 0) >= (quotas.find((q) => q.unitId === b.id)?.base ?? 0) ? a : b));
  return { root, largest, leaves: leaves.map((l) => l.unit) };
}

/** `count` more filings submitted now, spread over the leaves like the seed's: what changes between two folds. */
async function fileMore(store: SqliteStore, leaves: UnitDoc[], count: number, from: number) {
  const content = completeContent();
  await store.transaction(async (tx) => {
    for (let i = from; i < from + count; i++) {
      const unit = leaves[(i * 7919) % leaves.length];
      const [, l1 = '', l2 = '', l3 = ''] = pathIds(unit.path);
      const at = NOW.toISOString();
      const filing: WrittenFiling = {
        id: `${CAMPAIGN}:c${i}`, campaignId: CAMPAIGN, collectiveId: `c${i}`, name: `集体${i}`, normalizedName: `集体${i}`, unitId: unit.id, unitPath: unit.path,
        unitLevel: 3, unitL1: l1, unitL2: l2, unitL3: l3, category: unit.kind as FilingDoc['category'], status: 'filed', stage: 3, stageUnitId: unit.id,
        content: { ...content, name: `集体${i}` }, topTitle: 'none', nonPublic: false, opinions: [], history: [], feedback: null, possibleDuplicateIds: [],
        revocationId: null, submittedAt: at, createdAt: at, updatedAt: at, version: 1, tallied: TALLY_VERSION,
      };
      await tx.insert('filings', filing);
      await moveCount(tx, CAMPAIGN, unit.path, null, filing);
    }
  });
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-dashboard-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'), COLLECTIONS);
  try {
    const started = performance.now();
    const { root, largest, leaves } = await seed(store);
    console.log(`seeded 60 level-1 units (${national.rows.length} quota rows) and ${FILINGS.toLocaleString('en')} filings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const measureViews = async (state: string) => {
      console.log(state);
      for (const [label, unit] of [['office: 60 level-1 units', root], [`level-1 admin of ${largest.name}: 3 level-2 units`, largest]] as const) {
        const ctx = { ...benchContext(store, adminOf(unit)), now: () => NOW };
        const input = { campaignId: CAMPAIGN, overdueDays: 7 };
        const view = await dashboard(ctx, input);
        const f = await measure(() => dashboard(ctx, input), 300);
        console.log(`  ${label.padEnd(44)} | ${String(view.rows.length).padStart(2)} rows, ${view.total.filed.toLocaleString('en')} 报备, ${view.weeks.length} weeks, overdue ${JSON.stringify(view.total.overdue)} | p50 ${f.p50.toFixed(2)} ms | p95 ${f.p95.toFixed(2)} ms`);
      }
    };
    await measureViews('never folded: every unit read from its counter shards');
    // The timer's run as it finds the seed: its writes committed longer than the fold's margin ago.
    const folded = await foldFilingCounts({ store }, () => Date.now() + FOLD_MARGIN_MS);
    await measureViews(`folded (${folded} roll-ups): the 61 units' roll-ups, no shard changed since`);
    await fileMore(store, leaves, 100, FILINGS);
    await measureViews('100 filings since the fold (the units they touched read from their shards)');
    console.log('aim: p95 ≤ 50 ms for the office');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

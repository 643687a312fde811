import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { audit } from '../../cloudfunctions/app/common/audit';
import { COLLECTIONS, type UnitDoc } from '../../cloudfunctions/app/collections';
import { listAudit } from '../../cloudfunctions/app/features/admin/list-audit';
import { adminOf, benchContext, measure, unitTree } from './support';

/**
 * The admins' audit log (the `admin.listAudit` use case on a real SQLite file): the first page and the
 * page 1,000 records down, for the office, a level-1 and a level-2 admin, on logs of 1,000 and 100,000
 * records spread over 500 units (each signup, check-in and decision writes one); then the ratio.
 */
const SIZES = [1_000, 100_000];

async function benchSize(size: number): Promise<Record<string, { p50: number; p95: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-audit-'));
  const store = new SqliteStore(join(dir, 'bench.sqlite'), COLLECTIONS);
  const { root, units, leaves } = unitTree();
  const started = performance.now();
  await store.transaction(async (tx) => {
    for (let i = 0; i < size; i++) {
      const unit = leaves[i % leaves.length];
      await audit(tx, new Date(Date.UTC(2018, 4, 4) + i * 1000), { actor: null, action: 'openweek.signUp', objectType: 'signup', objectId: `s${i}`, unitPath: unit.path, after: { status: 'confirmed' } });
    }
  });
  console.log(`seeded ${size.toLocaleString('en')} audit records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const figures: Record<string, { p50: number; p95: number }> = {};
  try {
    const scopes: Array<[string, UnitDoc]> = [['office', root], ['level-1 admin', units.find((u) => u.id === 'u7')!], ['level-2 admin', units.find((u) => u.id === 'u7-2')!]];
    for (const [label, unit] of scopes) {
      const ctx = benchContext(store, adminOf(unit));
      // The cursor 1,000 records down this admin's log (or its last page on a smaller log).
      let cursor: string | undefined;
      for (let read = 0; read < 1000; read += 50) {
        const page = await listAudit(ctx, { limit: 50, cursor });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      figures[`${label}, first page`] = await measure(() => listAudit(ctx, { limit: 20 }), 300);
      figures[`${label}, deep page`] = await measure(() => listAudit(ctx, { limit: 20, cursor }), 300);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export async function run(): Promise<void> {
  const results = [];
  for (const size of SIZES) {
    const figures = await benchSize(size);
    results.push(figures);
    for (const [name, f] of Object.entries(figures)) {
      console.log(`  ${size.toLocaleString('en').padStart(7)} | ${name.padEnd(26)} | p50 ${f.p50.toFixed(2)} ms | p95 ${f.p95.toFixed(2)} ms`);
    }
  }
  console.log('\nratio 100,000 / 1,000 (p95): a page should cost the same however long the log grows.');
  for (const name of Object.keys(results[1])) {
    console.log(`  ${name.padEnd(26)} | ${(results[1][name].p95 / results[0][name].p95).toFixed(2)}× | p95 at 100,000: ${results[1][name].p95.toFixed(2)} ms`);
  }
}

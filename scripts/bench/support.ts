import { performance } from 'node:perf_hooks';
import type { AccountDoc, UnitDoc } from '../../cloudfunctions/app/collections';
import type { UseCaseContext } from '../../cloudfunctions/app/context';
import { DevMailboxMailer } from '../../cloudfunctions/adapters/mail/dev-mailbox-mailer';
import { DevMailboxNotifier } from '../../cloudfunctions/adapters/mail/dev-mailbox-notifier';
import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { limitRules } from '../../cloudfunctions/app/limits/rules';
import { StoreRateLimiter } from '../../cloudfunctions/app/limits/store-rate-limiter';
import { WordListContentSecurity } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { NO_RISK } from '../../cloudfunctions/app/ports/risk-control';
import { PasswordHasher } from '../../cloudfunctions/app/security/passwords';
import { SessionTokens } from '../../cloudfunctions/app/security/session-tokens';
import { childPath } from '../../shared/domain/unit-tree';

/** A point in the benchmark's own time, `i` seconds after its start. */
export const benchTime = (i: number) => new Date(Date.UTC(2018, 10, 20) + i * 1000).toISOString();

/** The office and 25 level-1 branches × 4 level-2 × 5 level-3 units (500 leaves), as a city campaign has. */
export function unitTree(): { root: UnitDoc; units: UnitDoc[]; leaves: UnitDoc[] } {
  const root: UnitDoc = { id: 'root', name: '组委会', kind: 'office', level: 0, parentId: null, path: '/root/', createdAt: benchTime(0) };
  const units: UnitDoc[] = [root];
  const leaves: UnitDoc[] = [];
  for (let a = 0; a < 25; a++) {
    const u1: UnitDoc = { id: `u${a}`, name: `一级${a}`, kind: a < 12 ? 'industry' : 'region', level: 1, parentId: root.id, path: childPath(root.path, `u${a}`), createdAt: benchTime(a) };
    units.push(u1);
    for (let b = 0; b < 4; b++) {
      const u2: UnitDoc = { id: `u${a}-${b}`, name: `二级${a}-${b}`, kind: u1.kind, level: 2, parentId: u1.id, path: childPath(u1.path, `u${a}-${b}`), createdAt: benchTime(b) };
      units.push(u2);
      for (let c = 0; c < 5; c++) {
        const u3: UnitDoc = { id: `u${a}-${b}-${c}`, name: `三级${a}-${b}-${c}`, kind: u1.kind, level: 3, parentId: u2.id, path: childPath(u2.path, `u${a}-${b}-${c}`), createdAt: benchTime(c) };
        units.push(u3);
        leaves.push(u3);
      }
    }
  }
  return { root, units, leaves };
}

/** The admin of a unit (the office at the root). */
export function adminOf(unit: UnitDoc): AccountDoc {
  return {
    id: `admin-${unit.id}`, code: `GL${unit.id}`, role: unit.level === 0 ? 'office' : 'admin', level: unit.level === 0 ? null : (unit.level as 1 | 2 | 3), name: '管理员',
    unitId: unit.id, unitPath: unit.path, status: 'active', passwordHash: '', mustChangePassword: false, lockedUntil: null, recoveryEmail: null,
    openid: null, createdAt: benchTime(0), updatedAt: benchTime(0), version: 1,
  };
}

/** What a use case sees when `actor` calls it, on this store. */
export function benchContext(store: SqliteStore, actor: AccountDoc): UseCaseContext {
  const now = () => new Date('2018-12-01T00:00:00Z');
  return {
    store,
    mailer: new DevMailboxMailer(store, now),
    notifier: new DevMailboxNotifier(store, now),
    passwords: new PasswordHasher(10),
    tokens: new SessionTokens('bench-secret-that-is-long-enough-for-hmac'),
    limiter: new StoreRateLimiter(store),
    contentSecurity: new WordListContentSecurity(),
    riskControl: NO_RISK,
    now,
    config: { sessionTtlHours: 12, publicUrl: 'http://bench', limits: limitRules(), signInLockMinutes: 15 },
    actor: { kind: 'account', account: actor, sessionId: null },
    caller: {},
  } as UseCaseContext;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** p50 and p95 of `runs` calls, after 100 to warm up. */
export async function measure(fn: () => Promise<unknown>, runs = 1000): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 100; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

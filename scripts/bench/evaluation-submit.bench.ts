import Database from 'better-sqlite3';
import type { RunningHost } from '../../cloudfunctions/local-host/main';
import { completeContent } from '../../tests/support/filing-content';
import { activate, client, issueCollective, must } from '../../tests/support/openweek-http';
import { compare, placeholders, readOnly, visitorTokens, type Side } from './throughput';

/**
 * Evaluation submits (综合点评 by public code) per CPU-second, like for like, against the same kind of bare
 * baseline as the signup bench (throughput.ts drives and checks): the local host (evaluation.evaluate
 * through the router: visitor token, zod, rate limits, content check of the comment, the page by its
 * code, one transaction with the slot, the evaluation, the collective's counters and its units' counters in
 * the campaign, group commit) against
 * a bare `http` server inserting the evaluation under its slot (person, collective, month) and adding to
 * the collective's count in one transaction. Each request is a new visitor rating one of COLLECTIVES in
 * turn, 3 to 5 stars (a 差评 also opens a follow-up case, which the baseline has no counterpart for), every
 * other one with a comment. As in production, each collective has submitted its filing in the demo campaign
 * (before timing, over HTTP), so its evaluations belong to that campaign and move the per-unit counters
 * (features/evaluation/unit-counts.ts) of every unit above it. After every round: evaluations stored ==
 * slots == counted == counted in the units' counters (交通's) == 2xx answers.
 */
const COLLECTIVES = 200;

const evaluation = (code: string, i: number) => ({ code, rating: 3 + (i % 3), ...(i % 2 ? { comment: '服务热情，办事高效，值得表扬。' } : {}) });

const sumOfRatings = (prefix: string) => [1, 2, 3, 4, 5].map((r) => `COALESCE(json_extract(doc, '$.${prefix}${r}'), 0)`).join(' + ');

export function run(): Promise<void> {
  return compare({
    noun: 'evaluations',
    servers: { host: 'host', bare: 'bare-evaluation' },
    labels: {
      host: 'router, visitor token, zod, rate limits, content check, one transaction: slot + evaluation + collective and unit counters',
      bare: 'one transaction: evaluation insert under its slot + counter update',
    },
    sides: (ready, generator) => {
      const host: RunningHost = { url: ready.host.url, office: ready.host.office, close: async () => undefined };
      /** The collectives' public codes, issued through the office once, each collective with its filing submitted. */
      let collectives: Promise<string[]> | null = null;
      const issue = async () => {
        const post = client(host.url);
        const campaignId = (await must(post, 'openweek', 'filters', {})).campaigns[0].id as string;
        const codes: string[] = [];
        for (let i = 0; i < COLLECTIVES; i++) {
          const issued = await issueCollective(host, `压测集体${i}`);
          const collective = await activate(post, issued.code, issued.oneTimePassword);
          await must(post, 'filing', 'submit', { campaignId, content: completeContent({ name: `压测集体${i}`, wechatId: `bench_${i}` }) }, collective);
          codes.push((await must(post, 'evaluation', 'publicPage', { collectiveId: issued.accountId })).collective.code as string);
        }
        return codes;
      };
      /** Counted evaluations in the counters of 交通, the unit every bench collective is under (all shards, every month and source). */
      const unitCounted = `SELECT COALESCE(SUM(j.value), 0) AS n FROM evaluationUnitCounts, json_each(evaluationUnitCounts.doc) AS j
        WHERE json_extract(doc, '$.unitId') = (SELECT id FROM units WHERE json_extract(doc, '$.name') = '交通') AND j.key GLOB '*[1-5]_[0-9][0-9][0-9][0-9][0-9][0-9]'`;
      /** The collectives' ids, from their pages' codes. */
      const pagesOf = (codes: string[]) => `SELECT id FROM publicPages WHERE json_extract(doc, '$.code') IN (${placeholders(codes.length)})`;
      const hostSide: Side = {
        name: 'host',
        async prepare(_round, visitors) {
          const codes = await (collectives ??= issue());
          const tokens = await visitorTokens(host.url, generator, visitors);
          const requests = tokens.map((token, i) => ({
            path: '/api/evaluation',
            headers: { 'x-visitor-token': token },
            body: { action: 'evaluate', data: evaluation(codes[i % codes.length], i) },
          }));
          return { scope: codes, requests };
        },
        stored: (codes) =>
          readOnly(ready.host.file, (db) => ({
            evaluations: (db.prepare(`SELECT COUNT(*) AS n FROM evaluations WHERE json_extract(doc, '$.collectiveId') IN (${pagesOf(codes)})`).get(...codes) as { n: number }).n,
            slots: (db.prepare('SELECT COUNT(*) AS n FROM evaluationSlots').get() as { n: number }).n,
            counted: (db.prepare(`SELECT COALESCE(SUM(${sumOfRatings('h5')} + ${sumOfRatings('wechat')}), 0) AS n FROM evaluationCounts WHERE id IN (${pagesOf(codes)})`).get(...codes) as { n: number }).n,
            unitCounted: (db.prepare(unitCounted).get() as { n: number }).n,
          })),
      };
      let prepared = 0;
      const codes = Array.from({ length: COLLECTIVES }, (_, i) => `bare${String(i).padStart(4, '0')}`);
      const bareSide: Side = {
        name: 'bare',
        async prepare(_round, visitors) {
          const batch = ++prepared;
          if (batch === 1) {
            const db = new Database(ready.bare.file);
            for (const code of codes) db.prepare('INSERT INTO counts VALUES (?, 0, 0, 0, 0, 0)').run(code);
            db.close();
          }
          const requests = Array.from({ length: visitors }, (_, i) => ({
            path: '/',
            headers: { 'x-visitor': `visitor-${batch}-${i}` },
            body: { action: 'evaluate', data: evaluation(codes[i % codes.length], i) },
          }));
          return { scope: codes, requests };
        },
        stored: (scope) =>
          readOnly(ready.bare.file, (db) => ({
            evaluations: (db.prepare(`SELECT COUNT(*) AS n FROM evaluations WHERE code IN (${placeholders(scope.length)})`).get(...scope) as { n: number }).n,
            counted: (db.prepare(`SELECT COALESCE(SUM(r1 + r2 + r3 + r4 + r5), 0) AS n FROM counts WHERE code IN (${placeholders(scope.length)})`).get(...scope) as { n: number }).n,
          })),
      };
      return { host: hostSide, bare: bareSide };
    },
  });
}

import Database from 'better-sqlite3';
import type { RunningHost } from '../../cloudfunctions/local-host/main';
import { client, issueCollective, must } from '../../tests/support/openweek-http';
import { compare, placeholders, readOnly, visitorTokens, type Side } from './throughput';

/**
 * Evaluation submits (综合点评 by public code) per CPU-second, like for like, against the same kind of bare
 * baseline as the signup bench (throughput.ts drives and checks): the local host (evaluation.evaluate
 * through the router: visitor token, zod, rate limits, content check of the comment, the page by its
 * code, one transaction with the slot, the evaluation and the collective's counters, group commit) against
 * a bare `http` server inserting the evaluation under its slot (person, collective, month) and adding to
 * the collective's count in one transaction. Each request is a new visitor rating one of COLLECTIVES in
 * turn, 3 to 5 stars (a 差评 also opens a follow-up case, which the baseline has no counterpart for), every
 * other one with a comment. After every round: evaluations stored == slots == counted == 2xx answers.
 */
const COLLECTIVES = 200;

const evaluation = (code: string, i: number) => ({ code, rating: 3 + (i % 3), ...(i % 2 ? { comment: '服务热情，办事高效，值得表扬。' } : {}) });

const sumOfRatings = (prefix: string) => [1, 2, 3, 4, 5].map((r) => `COALESCE(json_extract(doc, '$.${prefix}${r}'), 0)`).join(' + ');

export function run(): Promise<void> {
  return compare({
    noun: 'evaluations',
    servers: { host: 'host', bare: 'bare-evaluation' },
    labels: {
      host: 'router, visitor token, zod, rate limits, content check, one transaction: slot + evaluation + counters',
      bare: 'one transaction: evaluation insert under its slot + counter update',
    },
    sides: (ready, generator) => {
      const host: RunningHost = { url: ready.host.url, office: ready.host.office, close: async () => undefined };
      /** The collectives' public codes, issued through the office once. */
      let collectives: Promise<string[]> | null = null;
      const issue = async () => {
        const codes: string[] = [];
        for (let i = 0; i < COLLECTIVES; i++) {
          const { accountId } = await issueCollective(host, `压测集体${i}`);
          codes.push((await must(client(host.url), 'evaluation', 'publicPage', { collectiveId: accountId })).collective.code as string);
        }
        return codes;
      };
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

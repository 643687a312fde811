import Database from 'better-sqlite3';
import type { RunningHost } from '../../cloudfunctions/local-host/main';
import { publishedEvent, signUpBody } from '../../tests/support/openweek-http';
import { compare, placeholders, readOnly, visitorTokens, type Side } from './throughput';

/**
 * Open-week signup throughput, like for like (throughput.ts drives and checks): the local host
 * (openweek.signUp through the router: visitor token, zod, rate limits, one transaction with the seat, the
 * signup and its audit record, group commit) against a bare `http` server doing what a minimal signup must
 * do (a conditional seat update and a signup insert in one transaction, WAL, the same `synchronous`
 * setting). After every round: seats taken == signups stored == audit records of signups (host) == 2xx answers.
 */
/** The contract's most seats per event; a round spreads its visitors over as many events as it needs. */
const SEATS = 10_000;

export function run(): Promise<void> {
  return compare({
    noun: 'signups',
    servers: { host: 'host', bare: 'bare-signup' },
    labels: {
      host: 'router, visitor token, zod, rate limits, one transaction: seat + signup + audit record',
      bare: 'one transaction: conditional seat update + signup insert',
    },
    sides: (ready, generator) => {
      const host: RunningHost = { url: ready.host.url, office: ready.host.office, close: async () => undefined };
      const hostSide: Side = {
        name: 'host',
        async prepare(round, visitors) {
          const events: string[] = [];
          for (let i = 0; i * SEATS < visitors; i++) events.push((await publishedEvent(host, SEATS, `压测活动${round}-${i}`)).eventId);
          const tokens = await visitorTokens(host.url, generator, visitors);
          const requests = tokens.map((token, i) => ({
            path: '/api/openweek',
            headers: { 'x-visitor-token': token },
            body: { action: 'signUp', data: signUpBody(events[i % events.length], i) },
          }));
          return { scope: events, requests };
        },
        stored: (events) =>
          readOnly(ready.host.file, (db) => ({
            seats: (db.prepare(`SELECT COALESCE(SUM(json_extract(doc, '$.taken')), 0) AS n FROM seatShards WHERE json_extract(doc, '$.eventId') IN (${placeholders(events.length)})`).get(...events) as { n: number }).n,
            signups: (db.prepare(`SELECT COUNT(*) AS n FROM signups WHERE json_extract(doc, '$.eventId') IN (${placeholders(events.length)})`).get(...events) as { n: number }).n,
            audited: (
              db
                .prepare(
                  `SELECT COUNT(*) AS n FROM audit WHERE json_extract(doc, '$.action') = 'openweek.signUp' AND json_extract(doc, '$.objectId') IN ` +
                    `(SELECT id FROM signups WHERE json_extract(doc, '$.eventId') IN (${placeholders(events.length)}))`,
                )
                .get(...events) as { n: number }
            ).n,
          })),
      };
      let prepared = 0;
      const bareSide: Side = {
        name: 'bare',
        async prepare(_round, visitors) {
          const batch = ++prepared;
          const events = Array.from({ length: Math.ceil(visitors / SEATS) }, (_, i) => `event-${batch}-${i}`);
          const db = new Database(ready.bare.file);
          for (const id of events) db.prepare('INSERT INTO events VALUES (?, ?, 0)').run(id, SEATS);
          db.close();
          const requests = Array.from({ length: visitors }, (_, i) => ({
            path: '/',
            headers: { 'x-visitor': `visitor-${batch}-${i}` },
            body: { action: 'signUp', data: signUpBody(events[i % events.length], i) },
          }));
          return { scope: events, requests };
        },
        stored: (events) =>
          readOnly(ready.bare.file, (db) => ({
            signups: (db.prepare(`SELECT COUNT(*) AS n FROM signups WHERE eventId IN (${placeholders(events.length)})`).get(...events) as { n: number }).n,
            seats: (db.prepare(`SELECT COALESCE(SUM(taken), 0) AS n FROM events WHERE id IN (${placeholders(events.length)})`).get(...events) as { n: number }).n,
          })),
      };
      return { host: hostSide, bare: bareSide };
    },
  });
}

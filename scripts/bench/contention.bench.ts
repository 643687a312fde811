import { performance } from 'node:perf_hooks';
import type { EventDoc, SignupDoc } from '../../cloudfunctions/app/collections/openweek';
import { seatCountsFor } from '../../cloudfunctions/app/features/openweek/seat-shards';
import type { Caller } from '../../cloudfunctions/app/context';
import { parseRule } from '../../cloudfunctions/app/limits/rules';
import { findAll } from '../../cloudfunctions/app/ports/store';
import type { Envelope } from '../../shared/envelope';
import { completeContent, demoCampaign } from '../../tests/support/filing';
import { activate, seedHierarchy, TestApp } from '../../tests/support/harness';
import { eventFields } from '../../tests/support/openweek';
import { startStandIn, stopStandIn } from '../../tests/support/test-store';

/**
 * Contention on CloudBase: the real router and the CloudBase adapter over the real SDK, against the
 * stand-in with 20–40 ms per call (a function talking to its database), with every store rule of
 * production (tests/support/fake-cloudbase.ts). Two rushes:
 * - 300 collectives of one campaign (all in one level-3 unit) submit their filings in the same second;
 * - 200 visitors sign up for one event of 50 seats in the same second.
 * Each prints completed / CONFLICT / INTERNAL (and any other refusal) and p50/p95 per request, then
 * checks that every visitor who was answered yes holds exactly one signup, seated or waitlisted, and
 * that the event's counters match its signups. Data is seeded through the router with no latency.
 */
const LATENCY: [number, number] = [20, 40];
const COLLECTIVES = 300;
const VISITORS = 200;
const SEATS = 50;

type Outcome = { code: string; ms: number };

async function rush(n: number, call: (i: number) => Promise<Envelope<unknown>>): Promise<Outcome[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const started = performance.now();
      const answer = await call(i);
      return { code: answer.ok ? 'completed' : answer.error.code, ms: performance.now() - started };
    }),
  );
}

function report(title: string, outcomes: Outcome[]): void {
  const counts = new Map<string, number>();
  for (const { code } of outcomes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  const tally = ['completed', 'CONFLICT', 'INTERNAL', ...[...counts.keys()].filter((k) => !['completed', 'CONFLICT', 'INTERNAL'].includes(k))]
    .map((code) => `${code} ${counts.get(code) ?? 0}`)
    .join(' · ');
  console.log(`${title}: ${tally}`);
  console.log(`  per request p50 ${at(50).toFixed(0)} ms · p95 ${at(95).toFixed(0)} ms · slowest ${times[times.length - 1].toFixed(0)} ms`);
}

/** Runs `fn` over 0..n-1, `width` at a time (seeding without flooding the stand-in). */
async function inBatches<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - start) }, (_, k) => fn(start + k)))));
  }
  return out;
}

export async function run(): Promise<void> {
  Object.assign(process.env, { TEST_STORE: 'cloudbase', TENCENTCLOUD: 'true', SILENCE: 'true' });
  const fake = await startStandIn();
  // Seeding signs 300 collectives in from this one process: its sign-in limit is raised. The rushes keep
  // every production limit, each visitor on an address of their own as in the field.
  const app = new TestApp({ limits: { signInPerIp: parseRule('1000000/1m')! } });
  const errors = console.error;
  const internal = new Map<string, number>();
  try {
    const h = await seedHierarchy(app);
    const campaignId = (await demoCampaign(app)).id;
    const collectives: Caller[] = await inBatches(COLLECTIVES, 20, async (i) => {
      const issued = await app.ok('admin', 'createAccount', { unitId: h.units.station.id, role: 'collective', name: `青年集体${i}` }, h.admin1.caller);
      return (await activate(app, issued.account.code, issued.oneTimePassword)).caller;
    });
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), campaignId, { capacity: SEATS }), h.collective.caller);
    await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller);
    const eventId = draft.event.id;

    fake.options.latencyMs = LATENCY;
    // The router logs each INTERNAL with its error; tally them by message instead of printing hundreds.
    console.error = (label: unknown, error: unknown) => {
      const key = error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : String(label).slice(0, 160);
      internal.set(key, (internal.get(key) ?? 0) + 1);
    };
    console.log(`CloudBase stand-in, ${LATENCY[0]}–${LATENCY[1]} ms per call; real router, CloudBase adapter, @cloudbase/node-sdk`);

    const filings = await rush(COLLECTIVES, (i) =>
      app.call('filing', 'submit', { campaignId, content: completeContent({ name: `青年集体${i}`, wechatId: `team_${i}` }) }, collectives[i]),
    );
    report(`${COLLECTIVES} collectives submit at once`, filings);

    const signups = await rush(VISITORS, (i) =>
      app.call('openweek', 'signUp', { eventId, name: `市民${i}`, phone: `138${String(i).padStart(8, '0')}`, privacyAccepted: true }, { openid: `o-visitor-${i}`, ip: `10.0.${i >> 8}.${i & 255}` }),
    );
    report(`${VISITORS} visitors sign up for ${SEATS} seats at once`, signups);
    console.error = errors;
    fake.options.latencyMs = undefined;

    // Every yes is exactly one signup, seated or waitlisted; every refusal left none; the counters agree.
    const all = await findAll<SignupDoc>(app.store, 'signups', { where: { eventId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
    const byVisitor = new Map<string, SignupDoc[]>();
    for (const s of all) byVisitor.set(s.visitorId, [...(byVisitor.get(s.visitorId) ?? []), s]);
    const problems: string[] = [];
    signups.forEach((outcome, i) => {
      const held = byVisitor.get(`wx:o-visitor-${i}`) ?? [];
      if (outcome.code === 'completed' && (held.length !== 1 || !['confirmed', 'waitlisted'].includes(held[0].status))) {
        problems.push(`visitor ${i} was told yes but holds ${held.map((s) => s.status).join(',') || 'nothing'}`);
      }
      if (outcome.code !== 'completed' && held.length > 0) problems.push(`visitor ${i} was refused (${outcome.code}) but holds a signup`);
    });
    const event = await seatCountsFor(app.store, (await app.store.get<EventDoc>('events', eventId))!);
    const seated = all.filter((s) => s.status === 'confirmed').length;
    const waiting = all.filter((s) => s.status === 'waitlisted');
    if (event.seatsTaken !== seated) problems.push(`seat shards say ${event.seatsTaken} seats taken, signups say ${seated}`);
    if (event.waiting !== waiting.length) problems.push(`seat shards say ${event.waiting} waiting, signups say ${waiting.length}`);
    if (new Set(waiting.map((s) => s.waitOrder)).size !== waiting.length) problems.push('two waiting signups share a place in line');
    if (seated > SEATS) problems.push(`${seated} seated for ${SEATS} seats`);
    console.log(`  signups held: ${seated} seated, ${waiting.length} waitlisted; ${problems.length === 0 ? 'every yes holds exactly one, counters agree' : `${problems.length} problem(s):`}`);
    for (const problem of problems.slice(0, 10)) console.log(`    ${problem}`);
    for (const [cause, n] of internal) console.log(`  INTERNAL cause ×${n}: ${cause}`);
  } finally {
    console.error = errors;
    await app.close();
    await stopStandIn();
  }
}

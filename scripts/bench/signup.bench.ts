import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningHost } from '../../cloudfunctions/local-host/main';
import { publishedEvent, signUpBody } from '../../tests/support/openweek-http';
import type { LoadJob, LoadResult } from './load-generator';
import type { ServerReady } from './signup-server';

/**
 * Open-week signup throughput, like for like. Two servers, each in a child process of its own: the local
 * host (openweek.signUp through the router: visitor token, zod, one transaction with the seat, the signup
 * and its audit record, group commit) and a bare `http` server doing what a minimal signup must do (a
 * conditional seat update and a signup insert in one transaction, WAL, the same `synchronous` setting).
 * One load generator (a third child) drives both over keep-alive connections, CONCURRENCY requests in
 * flight for SECONDS, each request a new visitor whose token was fetched before the clock starts.
 * Rounds alternate between the two (which goes first alternates too), after a warm-up round each.
 * The figure is signups (2xx only) per CPU-second of the server process, read from process.cpuUsage()
 * in that process just before and after the run; wall-clock throughput is printed beside it, since the
 * generator shares the machine's cores. After every round the stored data are checked: seats taken ==
 * signups stored == 2xx answers (and on the host, one audit record per signup).
 *
 * BENCH_PROFILE=<dir> writes a V8 CPU profile of the host process (node --cpu-prof) into <dir>.
 */
const CONCURRENCY = 32;
const SECONDS = 10;
const WARMUP_SECONDS = 3;
const ROUNDS = 4;
/** The contract's most seats per event; a round spreads its visitors over as many events as it needs. */
const SEATS = 10_000;

interface Child {
  process: ChildProcess;
  ask<T>(message: unknown): Promise<T>;
}

/** Forks a TypeScript child with an IPC channel; `ask` sends a message and resolves with the next reply. */
function forkChild(file: string, args: string[], execArgv: string[] = []): Promise<{ child: Child; ready: unknown }> {
  const proc = fork(join(__dirname, file), args, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const replies: Array<(value: unknown) => void> = [];
  const failed = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`${file} exited with ${code}`))));
  failed.catch(() => undefined);
  proc.on('message', (message) => replies.shift()?.(message));
  const next = () => Promise.race([new Promise((resolve) => replies.push(resolve)), failed]);
  const child: Child = {
    process: proc,
    ask: async <T>(message: unknown) => {
      const reply = next();
      proc.send(message as never);
      const answer = (await reply) as T & { error?: string };
      if (answer && typeof answer === 'object' && 'error' in answer && answer.error) throw new Error(answer.error);
      return answer;
    },
  };
  return next().then((ready) => ({ child, ready }));
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

interface Side {
  name: 'host' | 'bare';
  server: Child;
  ready: ServerReady;
  /** The events and the per-request input of one round, prepared before timing. */
  prepare(round: number, visitors: number): Promise<{ events: string[]; requests: LoadJob['requests'] }>;
  /** Seats taken, signups stored and (host) audit records of signups, over the round's events. */
  stored(events: string[]): { seats: number; signups: number; audited: number };
}

interface Measured {
  signups: number;
  seconds: number;
  cpu: number;
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function hostSide(server: Child, ready: ServerReady, generator: Child): Side {
  const host: RunningHost = { url: ready.url, office: ready.office, close: async () => undefined };
  return {
    name: 'host',
    server,
    ready,
    async prepare(round, visitors) {
      const events: string[] = [];
      for (let i = 0; i * SEATS < visitors; i++) events.push((await publishedEvent(host, SEATS, `压测活动${round}-${i}`)).eventId);
      const issued = await generator.ask<LoadResult>({
        url: ready.url,
        requests: Array.from({ length: visitors }, () => ({ path: '/api/openweek', headers: {}, body: { action: 'startVisit', data: {} } })),
        concurrency: CONCURRENCY,
        answers: true,
      } satisfies LoadJob);
      const tokens = issued.answers!.map((a) => (JSON.parse(a) as { data: { visitorToken: string } }).data.visitorToken);
      const requests = tokens.map((token, i) => ({
        path: '/api/openweek',
        headers: { 'x-visitor-token': token },
        body: { action: 'signUp', data: signUpBody(events[i % events.length], i) },
      }));
      return { events, requests };
    },
    stored: (events) =>
      readOnly(ready.file, (db) => ({
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
}

function bareSide(server: Child, ready: ServerReady): Side {
  let prepared = 0;
  return {
    name: 'bare',
    server,
    ready,
    async prepare(_round, visitors) {
      const batch = ++prepared;
      const events = Array.from({ length: Math.ceil(visitors / SEATS) }, (_, i) => `event-${batch}-${i}`);
      const db = new Database(ready.file);
      for (const id of events) db.prepare('INSERT INTO events VALUES (?, ?, 0)').run(id, SEATS);
      db.close();
      const requests = Array.from({ length: visitors }, (_, i) => ({
        path: '/',
        headers: { 'x-visitor': `visitor-${batch}-${i}` },
        body: { action: 'signUp', data: signUpBody(events[i % events.length], i) },
      }));
      return { events, requests };
    },
    stored: (events) =>
      readOnly(ready.file, (db) => {
        const signups = (db.prepare(`SELECT COUNT(*) AS n FROM signups WHERE eventId IN (${placeholders(events.length)})`).get(...events) as { n: number }).n;
        const seats = (db.prepare(`SELECT COALESCE(SUM(taken), 0) AS n FROM events WHERE id IN (${placeholders(events.length)})`).get(...events) as { n: number }).n;
        return { seats, signups, audited: signups };
      }),
  };
}

/** One timed round on one side; throws when the stored data disagree with the answers. */
async function round(side: Side, generator: Child, index: number, seconds: number, visitors: number): Promise<Measured & { exhausted: boolean }> {
  const { events, requests } = await side.prepare(index, visitors);
  const before = await side.server.ask<NodeJS.CpuUsage>('cpu');
  const load = await generator.ask<LoadResult>({ url: side.ready.url, requests, concurrency: CONCURRENCY, seconds } satisfies LoadJob);
  const after = await side.server.ask<NodeJS.CpuUsage>('cpu');
  const signups = load.statuses['200'] ?? 0;
  if (signups !== load.sent) throw new Error(`${side.name}: ${load.sent} sent, answered ${JSON.stringify(load.statuses)}`);
  const stored = side.stored(events);
  if (stored.seats !== signups || stored.signups !== signups || stored.audited !== signups) {
    throw new Error(`${side.name}: ${signups} signups answered, but ${JSON.stringify(stored)} stored`);
  }
  return { signups, seconds: load.ms / 1000, cpu: cpuSeconds(after) - cpuSeconds(before), exhausted: load.exhausted };
}

const perCpu = (m: Measured) => m.signups / m.cpu;
const perWall = (m: Measured) => m.signups / m.seconds;
const range = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const total = (ms: Measured[], rate: (m: Measured) => number) => rate(ms.reduce((a, m) => ({ signups: a.signups + m.signups, seconds: a.seconds + m.seconds, cpu: a.cpu + m.cpu })));

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-'));
  const profile = process.env.BENCH_PROFILE;
  const started = await Promise.all([
    forkChild('signup-server.ts', ['host', dir], profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    forkChild('signup-server.ts', ['bare', dir]),
    forkChild('load-generator.ts', []),
  ]);
  const [host, bare, { child: generator }] = started;
  const sides = [hostSide(host.child, host.ready as ServerReady, generator), bareSide(bare.child, bare.ready as ServerReady)];
  const results: Record<Side['name'], Measured[]> = { host: [], bare: [] };
  try {
    // The warm-up also tells how many visitors a timed round of each side needs: twice its rate. The
    // machine's load varies, so a round that runs out of visitors is run again with twice as many.
    const visitors = new Map<Side, number>();
    for (const side of sides) visitors.set(side, Math.ceil((perWall(await round(side, generator, 0, WARMUP_SECONDS, 20_000)) * SECONDS * 2) / 1000) * 1000);
    console.log(`signups: concurrency ${CONCURRENCY}, ${SECONDS} s per round after a ${WARMUP_SECONDS} s warm-up each, ${ROUNDS} rounds per side alternating; each request a new visitor`);
    for (let r = 1; r <= ROUNDS; r++) {
      for (const side of r % 2 ? sides : [...sides].reverse()) {
        let m = await round(side, generator, r, SECONDS, visitors.get(side)!);
        while (m.exhausted) {
          visitors.set(side, visitors.get(side)! * 2);
          console.log(`  round ${r} ${side.name}: ran out of visitors; again with ${visitors.get(side)}`);
          m = await round(side, generator, r, SECONDS, visitors.get(side)!);
        }
        results[side.name].push(m);
        console.log(`  round ${r} ${side.name}: ${m.signups} signups in ${m.seconds.toFixed(2)} s, server CPU ${m.cpu.toFixed(2)} s → ${perWall(m).toFixed(0)}/s wall, ${perCpu(m).toFixed(0)}/CPU-s`);
      }
    }
    const ratios = (rate: (m: Measured) => number) => results.host.map((h, i) => rate(h) / rate(results.bare[i]));
    const describe = (ms: Measured[]) =>
      `${total(ms, perCpu).toFixed(0)} signups/CPU-s (rounds ${range(ms.map(perCpu))}), ${total(ms, perWall).toFixed(0)}/s wall (rounds ${range(ms.map(perWall))})`;
    console.log(`  local host (router, visitor token, zod, one transaction: seat + signup + audit record): ${describe(results.host)}`);
    console.log(`  bare http (one transaction: conditional seat update + signup insert):                   ${describe(results.bare)}`);
    console.log(`  ratio local host / bare per CPU-second: ${(total(results.host, perCpu) / total(results.bare, perCpu)).toFixed(2)} (rounds ${range(ratios(perCpu), 2)}; aim ≥ 0.5)`);
    console.log(`  ratio local host / bare wall clock:     ${(total(results.host, perWall) / total(results.bare, perWall)).toFixed(2)} (rounds ${range(ratios(perWall), 2)})`);
  } finally {
    const exited = (c: Child) => new Promise((resolve) => (c.process.exitCode === null ? c.process.once('exit', resolve) : resolve(null)));
    for (const c of [host.child, bare.child]) if (c.process.connected) c.process.send('stop');
    generator.process.kill();
    await Promise.all([exited(host.child), exited(bare.child), exited(generator)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

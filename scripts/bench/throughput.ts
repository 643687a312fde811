import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadJob, LoadResult } from './load-generator';
import type { ServerKind, ServerReady } from './throughput-server';

/**
 * Writes per CPU-second of the local host against a bare server doing the same write's essential work, like
 * for like (the signup and evaluation-submit benchmarks). Two servers, each in a child process of its own
 * (throughput-server.ts), and one load generator (a third child) that drives both over keep-alive
 * connections, CONCURRENCY requests in flight for SECONDS, each request a new visitor whose token was
 * fetched before the clock starts. Rounds alternate between the two (which goes first alternates too),
 * after a warm-up round each. The figure is writes (2xx only) per CPU-second of the server process, read
 * from process.cpuUsage() in that process just before and after the run; wall-clock throughput is printed
 * beside it, since the generator shares the machine's cores. After every round the stored data are
 * checked: each thing the side counts (`Side.stored`) must have grown by exactly the 2xx answers.
 *
 * Then where the host's CPU goes, one more round each: the same kind of requests handed to the router (and to
 * the bare server's write) inside the server process, without HTTP; and, over HTTP, a request of the host that
 * writes nothing (openweek.startVisit with the token the visitor already holds), against the aim's budget.
 *
 * BENCH_PROFILE=<dir> writes a V8 CPU profile of the host process over each of its timed rounds into <dir>.
 */
const CONCURRENCY = 32;
const SECONDS = 10;
const WARMUP_SECONDS = 3;
const ROUNDS = 4;

export interface Child {
  process: ChildProcess;
  ask<T>(message: unknown): Promise<T>;
}

/** Forks a TypeScript child with an IPC channel; `ask` sends a message and resolves with the next reply. */
function forkChild(file: string, args: string[]): Promise<{ child: Child; ready: unknown }> {
  const proc = fork(join(__dirname, file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

export interface Side {
  name: 'host' | 'bare';
  /** The round's scope (events, collectives) and each request's input, prepared before timing. */
  prepare(round: number, visitors: number): Promise<{ scope: string[]; requests: LoadJob['requests'] }>;
  /** What the side stores per write, over the round's scope: each must grow by one per 2xx answer. */
  stored(scope: string[]): Record<string, number>;
}

/** What a benchmark brings: its two sides over their running servers and the load generator, and its words. */
export interface Comparison {
  /** What is counted: "signups", "evaluations". */
  noun: string;
  /** The servers to start (throughput-server.ts). */
  servers: { host: ServerKind; bare: ServerKind };
  sides(servers: { host: ServerReady; bare: ServerReady }, generator: Child): { host: Side; bare: Side };
  /** One line each: what the host and the bare server do per request. */
  labels: { host: string; bare: string };
}

interface Measured {
  writes: number;
  seconds: number;
  cpu: number;
}

/** Reads the side's SQLite file on a connection of the bench's own, read-only. */
export function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A visitor token for each of `visitors` new visitors of the host (openweek.startVisit), fetched untimed. */
export async function visitorTokens(url: string, generator: Child, visitors: number): Promise<string[]> {
  const issued = await generator.ask<LoadResult>({
    url,
    requests: Array.from({ length: visitors }, () => ({ path: '/api/openweek', headers: {}, body: { action: 'startVisit', data: {} } })),
    concurrency: CONCURRENCY,
    answers: true,
  } satisfies LoadJob);
  return issued.answers!.map((a) => (JSON.parse(a) as { data: { visitorToken: string } }).data.visitorToken);
}

/** How a round's requests reach the server: over HTTP from the load generator, or handed to it in its own process. */
type Drive = (server: Child, job: LoadJob) => Promise<LoadResult>;
const overHttp = (generator: Child): Drive => (_server, job) => generator.ask<LoadResult>(job);
const inProcess: Drive = (server, job) => server.ask<LoadResult>({ direct: job });

/** One timed round on one side; throws when the stored data disagree with the answers. `profile`: a file for the server's CPU profile of it. */
async function round(side: Side, server: Child, url: string, drive: Drive, index: number, seconds: number, visitors: number, profile?: string): Promise<Measured & { exhausted: boolean }> {
  const { scope, requests } = await side.prepare(index, visitors);
  const storedBefore = side.stored(scope);
  if (profile) await server.ask({ profile: 'start' });
  const before = await server.ask<NodeJS.CpuUsage>('cpu');
  const load = await drive(server, { url, requests, concurrency: CONCURRENCY, seconds });
  const after = await server.ask<NodeJS.CpuUsage>('cpu');
  if (profile) await server.ask({ profile });
  const writes = load.statuses['200'] ?? 0;
  if (writes !== load.sent) throw new Error(`${side.name}: ${load.sent} sent, answered ${JSON.stringify(load.statuses)}`);
  const storedAfter = side.stored(scope);
  const grown = Object.fromEntries(Object.entries(storedAfter).map(([what, n]) => [what, n - storedBefore[what]]));
  if (Object.values(grown).some((n) => n !== writes)) throw new Error(`${side.name}: ${writes} answered, but stored ${JSON.stringify(grown)} more`);
  return { writes, seconds: load.ms / 1000, cpu: cpuSeconds(after) - cpuSeconds(before), exhausted: load.exhausted };
}

/** Over HTTP, the host answering requests that write nothing: each visitor's startVisit with the token it holds. */
async function emptyRequests(side: Side, server: Child, url: string, generator: Child, visitors: number): Promise<Measured> {
  const { requests } = await side.prepare(ROUNDS + 2, visitors);
  const job: LoadJob = { url, requests: requests.map((r) => ({ path: '/api/openweek', headers: r.headers, body: { action: 'startVisit', data: {} } })), concurrency: CONCURRENCY, seconds: SECONDS };
  const before = await server.ask<NodeJS.CpuUsage>('cpu');
  const load = await generator.ask<LoadResult>(job);
  const after = await server.ask<NodeJS.CpuUsage>('cpu');
  if ((load.statuses['200'] ?? 0) !== load.sent) throw new Error(`host: ${load.sent} sent, answered ${JSON.stringify(load.statuses)}`);
  return { writes: load.sent, seconds: load.ms / 1000, cpu: cpuSeconds(after) - cpuSeconds(before) };
}

const perCpu = (m: Measured) => m.writes / m.cpu;
const perWall = (m: Measured) => m.writes / m.seconds;
const range = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const total = (ms: Measured[], rate: (m: Measured) => number) => rate(ms.reduce((a, m) => ({ writes: a.writes + m.writes, seconds: a.seconds + m.seconds, cpu: a.cpu + m.cpu })));

/** Runs the comparison and prints each round, each side's totals and the ratios. */
export async function compare(comparison: Comparison): Promise<void> {
  const { noun } = comparison;
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-'));
  const profiles = process.env.BENCH_PROFILE;
  if (profiles) mkdirSync(profiles, { recursive: true });
  const started = await Promise.all([
    forkChild('throughput-server.ts', [comparison.servers.host, dir]),
    forkChild('throughput-server.ts', [comparison.servers.bare, dir]),
    forkChild('load-generator.ts', []),
  ]);
  const [host, bare, { child: generator }] = started;
  const servers = { host: host.child, bare: bare.child };
  const ready = { host: host.ready as ServerReady, bare: bare.ready as ServerReady };
  const built = comparison.sides(ready, generator);
  const sides = [built.host, built.bare];
  const results: Record<Side['name'], Measured[]> = { host: [], bare: [] };
  const timed = (side: Side, index: number, seconds: number, visitors: number, drive = overHttp(generator)) =>
    round(side, servers[side.name], ready[side.name].url, drive, index, seconds, visitors, profiles && side.name === 'host' && index > 0 && drive !== inProcess ? join(profiles, `host-round-${index}.cpuprofile`) : undefined);
  try {
    // The warm-up also tells how many visitors a timed round of each side needs: twice its rate. The
    // machine's load varies, so a round that runs out of visitors is run again with twice as many.
    const visitors = new Map<Side, number>();
    for (const side of sides) visitors.set(side, Math.ceil((perWall(await timed(side, 0, WARMUP_SECONDS, 20_000)) * SECONDS * 2) / 1000) * 1000);
    console.log(`${noun}: concurrency ${CONCURRENCY}, ${SECONDS} s per round after a ${WARMUP_SECONDS} s warm-up each, ${ROUNDS} rounds per side alternating; each request a new visitor`);
    for (let r = 1; r <= ROUNDS; r++) {
      for (const side of r % 2 ? sides : [...sides].reverse()) {
        let m = await timed(side, r, SECONDS, visitors.get(side)!);
        while (m.exhausted) {
          visitors.set(side, visitors.get(side)! * 2);
          console.log(`  round ${r} ${side.name}: ran out of visitors; again with ${visitors.get(side)}`);
          m = await timed(side, r, SECONDS, visitors.get(side)!);
        }
        results[side.name].push(m);
        console.log(`  round ${r} ${side.name}: ${m.writes} ${noun} in ${m.seconds.toFixed(2)} s, server CPU ${m.cpu.toFixed(2)} s → ${perWall(m).toFixed(0)}/s wall, ${perCpu(m).toFixed(0)}/CPU-s`);
      }
    }
    const ratios = (rate: (m: Measured) => number) => results.host.map((h, i) => rate(h) / rate(results.bare[i]));
    const describe = (ms: Measured[]) =>
      `${total(ms, perCpu).toFixed(0)} ${noun}/CPU-s (rounds ${range(ms.map(perCpu))}), ${total(ms, perWall).toFixed(0)}/s wall (rounds ${range(ms.map(perWall))})`;
    console.log(`  local host (${comparison.labels.host}): ${describe(results.host)}`);
    console.log(`  bare http (${comparison.labels.bare}): ${describe(results.bare)}`);
    console.log(`  ratio local host / bare per CPU-second: ${(total(results.host, perCpu) / total(results.bare, perCpu)).toFixed(2)} (rounds ${range(ratios(perCpu), 2)}; aim ≥ 0.5)`);
    console.log(`  ratio local host / bare wall clock:     ${(total(results.host, perWall) / total(results.bare, perWall)).toFixed(2)} (rounds ${range(ratios(perWall), 2)})`);
    // Where the host's CPU goes: the same requests without HTTP, and over HTTP a request that writes nothing.
    const micros = (m: Measured) => 1e6 / perCpu(m);
    const direct = { host: await timed(built.host, ROUNDS + 1, SECONDS, visitors.get(built.host)!, inProcess), bare: await timed(built.bare, ROUNDS + 1, SECONDS, visitors.get(built.bare)!, inProcess) };
    const empty = await emptyRequests(built.host, servers.host, ready.host.url, generator, visitors.get(built.host)!);
    const perWrite = (ms: Measured[]) => 1e6 / total(ms, perCpu);
    console.log(`  where the server's CPU goes, µs per request (one more round each):`);
    console.log(`    local host over HTTP: ${perWrite(results.host).toFixed(0)} (the rounds above); the same requests handed to the router in its process, without HTTP: ${micros(direct.host).toFixed(0)}`);
    console.log(`    local host over HTTP answering a request that writes nothing (openweek.startVisit with the token the visitor holds): ${micros(empty).toFixed(0)}`);
    console.log(`    bare http over HTTP: ${perWrite(results.bare).toFixed(0)}; its write without HTTP: ${micros(direct.bare).toFixed(0)}`);
    console.log(`    the aim's budget for the local host (2 × bare over HTTP): ${(2 * perWrite(results.bare)).toFixed(0)}`);
  } finally {
    const exited = (c: Child) => new Promise((resolve) => (c.process.exitCode === null ? c.process.once('exit', resolve) : resolve(null)));
    for (const c of [host.child, bare.child]) if (c.process.connected) c.process.send('stop');
    generator.process.kill();
    await Promise.all([exited(host.child), exited(bare.child), exited(generator)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

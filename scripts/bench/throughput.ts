import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
 * BENCH_PROFILE=<dir> writes a V8 CPU profile of the host process (node --cpu-prof) into <dir>.
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

/** One timed round on one side; throws when the stored data disagree with the answers. */
async function round(side: Side, server: Child, url: string, generator: Child, index: number, seconds: number, visitors: number): Promise<Measured & { exhausted: boolean }> {
  const { scope, requests } = await side.prepare(index, visitors);
  const storedBefore = side.stored(scope);
  const before = await server.ask<NodeJS.CpuUsage>('cpu');
  const load = await generator.ask<LoadResult>({ url, requests, concurrency: CONCURRENCY, seconds } satisfies LoadJob);
  const after = await server.ask<NodeJS.CpuUsage>('cpu');
  const writes = load.statuses['200'] ?? 0;
  if (writes !== load.sent) throw new Error(`${side.name}: ${load.sent} sent, answered ${JSON.stringify(load.statuses)}`);
  const storedAfter = side.stored(scope);
  const grown = Object.fromEntries(Object.entries(storedAfter).map(([what, n]) => [what, n - storedBefore[what]]));
  if (Object.values(grown).some((n) => n !== writes)) throw new Error(`${side.name}: ${writes} answered, but stored ${JSON.stringify(grown)} more`);
  return { writes, seconds: load.ms / 1000, cpu: cpuSeconds(after) - cpuSeconds(before), exhausted: load.exhausted };
}

const perCpu = (m: Measured) => m.writes / m.cpu;
const perWall = (m: Measured) => m.writes / m.seconds;
const range = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
const total = (ms: Measured[], rate: (m: Measured) => number) => rate(ms.reduce((a, m) => ({ writes: a.writes + m.writes, seconds: a.seconds + m.seconds, cpu: a.cpu + m.cpu })));

/** Runs the comparison and prints each round, each side's totals and the ratios. */
export async function compare(comparison: Comparison): Promise<void> {
  const { noun } = comparison;
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-'));
  const profile = process.env.BENCH_PROFILE;
  const started = await Promise.all([
    forkChild('throughput-server.ts', [comparison.servers.host, dir], profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    forkChild('throughput-server.ts', [comparison.servers.bare, dir]),
    forkChild('load-generator.ts', []),
  ]);
  const [host, bare, { child: generator }] = started;
  const servers = { host: host.child, bare: bare.child };
  const ready = { host: host.ready as ServerReady, bare: bare.ready as ServerReady };
  const built = comparison.sides(ready, generator);
  const sides = [built.host, built.bare];
  const results: Record<Side['name'], Measured[]> = { host: [], bare: [] };
  const timed = (side: Side, index: number, seconds: number, visitors: number) => round(side, servers[side.name], ready[side.name].url, generator, index, seconds, visitors);
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
  } finally {
    const exited = (c: Child) => new Promise((resolve) => (c.process.exitCode === null ? c.process.once('exit', resolve) : resolve(null)));
    for (const c of [host.child, bare.child]) if (c.process.connected) c.process.send('stop');
    generator.process.kill();
    await Promise.all([exited(host.child), exited(bare.child), exited(generator)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

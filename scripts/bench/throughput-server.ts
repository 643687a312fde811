// One server of the throughput benches (throughput.ts), forked as a child process so that its CPU time is
// its own: `host <dir>` runs the local host (demo campaign, no jobs); `bare-signup <dir>` and
// `bare-evaluation <dir>` run the baselines. Sends { url, file, office } over IPC once listening, then answers
// 'cpu' with its process.cpuUsage(), `{ direct }` by running those requests in its own process without HTTP,
// `{ profile: 'start' | <file> }` by starting a V8 CPU profile or writing it to that file, and 'stop' by closing
// and exiting.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import type { SeededOffice } from '../../cloudfunctions/local-host/demo/seed-demo';
import { startLocalHost } from '../../cloudfunctions/local-host/main';
import { FUNCTIONS } from '../../cloudfunctions/app/functions';
import { dispatch, httpStatusOf } from '../../cloudfunctions/app/router';
import type { FunctionName } from '../../shared/contract';
import type { LoadJob } from './load-generator';
// Every visitor of the benches comes from this machine's one address: the per-address limits are raised so
// that each write still counts in the limiter but none is refused. Each round's setup also signs
// collectives in from that address, more often than one person would.
import { CROWD_FROM_ONE_ADDRESS } from '../../tests/support/openweek-http';

export type ServerKind = 'host' | 'bare-signup' | 'bare-evaluation';

export interface ServerReady {
  url: string;
  /** The SQLite file, for the bench's own checks (read-only). */
  file: string;
  office: SeededOffice | null;
}

/** A request answered inside the server's process, without HTTP: the JSON body in, the JSON answer out; its status. */
type Direct = (request: LoadJob['requests'][number]) => Promise<number>;

type Running = ServerReady & { close: () => Promise<void>; direct: Direct };

/** A write as the bare servers see it: the visitor from a header, the action's data from the JSON body. */
type BareWrite = (visitor: string, data: Record<string, unknown>) => boolean;

/**
 * A baseline on a bare `http` server: parse the JSON body, run one transaction (`write`) on a WAL file with
 * the local host's durability setting, answer JSON: 200 when it wrote, 409 when it was refused. The visitor
 * comes in a header, unchecked: the equivalent of the host's pre-issued visitor token.
 */
async function startBare(dir: string, schema: string[], prepare: (db: Database.Database) => BareWrite): Promise<Running> {
  const file = join(dir, 'bare.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of schema) db.exec(sql);
  const write = db.transaction(prepare(db));
  const answer = (visitor: string, body: string) => {
    const done = write(visitor, (JSON.parse(body) as { data: Record<string, unknown> }).data);
    return { status: done ? 200 : 409, body: JSON.stringify(done ? { ok: true, data: { done } } : { ok: false, error: { code: 'REFUSED' } }) };
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { status, body } = answer(String(req.headers['x-visitor']), Buffer.concat(chunks).toString('utf8'));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    file,
    office: null,
    direct: async (request) => answer(request.headers['x-visitor'], JSON.stringify(request.body)).status,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

/** What a minimal signup must do: take a seat by a conditional update and insert the signup (one per person per event). */
const bareSignup = (dir: string) =>
  startBare(
    dir,
    [
      'CREATE TABLE events (id TEXT PRIMARY KEY, capacity INTEGER NOT NULL, taken INTEGER NOT NULL)',
      'CREATE TABLE signups (eventId TEXT NOT NULL, visitorId TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL, createdAt TEXT NOT NULL, PRIMARY KEY (eventId, visitorId))',
    ],
    (db) => {
      const take = db.prepare('UPDATE events SET taken = taken + 1 WHERE id = ? AND taken < capacity');
      const insert = db.prepare('INSERT INTO signups VALUES (?, ?, ?, ?, ?)');
      return (visitor, data) => {
        if (take.run(data.eventId).changes !== 1) return false;
        insert.run(data.eventId, visitor, data.name, data.phone, new Date().toISOString());
        return true;
      };
    },
  );

/**
 * What a minimal 综合点评 must do: insert the evaluation under its slot (one per person, collective and month,
 * so a second one is refused) and add it to the collective's count of its level, in one transaction.
 */
const bareEvaluation = (dir: string) =>
  startBare(
    dir,
    [
      'CREATE TABLE counts (code TEXT PRIMARY KEY, r1 INTEGER NOT NULL, r2 INTEGER NOT NULL, r3 INTEGER NOT NULL, r4 INTEGER NOT NULL, r5 INTEGER NOT NULL)',
      'CREATE TABLE evaluations (code TEXT NOT NULL, visitorId TEXT NOT NULL, month TEXT NOT NULL, rating INTEGER NOT NULL, comment TEXT, createdAt TEXT NOT NULL, PRIMARY KEY (code, visitorId, month))',
    ],
    (db) => {
      const insert = db.prepare('INSERT OR IGNORE INTO evaluations VALUES (?, ?, ?, ?, ?, ?)');
      const counts = [1, 2, 3, 4, 5].map((r) => db.prepare(`UPDATE counts SET r${r} = r${r} + 1 WHERE code = ?`));
      return (visitor, data) => {
        const now = new Date().toISOString();
        if (insert.run(data.code, visitor, now.slice(0, 7), data.rating, data.comment ?? null, now).changes !== 1) return false;
        return counts[Number(data.rating) - 1].run(data.code).changes === 1;
      };
    },
  );

async function startHost(dir: string): Promise<Running> {
  const dataDir = join(dir, 'host');
  const host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dataDir, SCRYPT_COST: '10', DEMO: '1', JOBS: '0', H5_DIR: join(dir, 'no-h5'), ...CROWD_FROM_ONE_ADDRESS, RATE_SIGN_IN_PER_IP: '1000000/1m' }));
  // As the host's HTTP handler does after reading the body, minus the address and the socket.
  const direct: Direct = async (request) => {
    const fn = request.path.slice('/api/'.length) as FunctionName;
    const envelope = await dispatch(host.deps, fn, FUNCTIONS[fn] as never, JSON.parse(JSON.stringify(request.body)), { visitorToken: request.headers['x-visitor-token'], ip: '127.0.0.1' });
    JSON.stringify(envelope);
    return httpStatusOf(envelope);
  };
  return { url: host.url, file: join(dataDir, 'qnwmh.sqlite'), office: host.office, direct, close: () => host.close() };
}

const START: Record<ServerKind, (dir: string) => Promise<Running>> = { host: startHost, 'bare-signup': bareSignup, 'bare-evaluation': bareEvaluation };

/** Runs `requests` in this process, `concurrency` at a time, until they run out or `seconds` pass; answers as the load generator does. */
async function runDirect(direct: Direct, job: LoadJob): Promise<{ ms: number; sent: number; statuses: Record<string, number>; exhausted: boolean }> {
  const statuses: Record<string, number> = {};
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < job.requests.length && performance.now() - started < (job.seconds ?? Infinity) * 1000) {
      const status = await direct(job.requests[next++]);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return { ms: performance.now() - started, sent: next, statuses, exhausted: job.seconds !== undefined && next === job.requests.length };
}

/** A CPU profile of the timed rounds only (not the set-up, the warm-up or the tokens fetched between rounds). */
const profiler = new Session();
const profilerCall = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) => profiler.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

async function onMessage(server: Running, message: 'cpu' | 'stop' | { direct: LoadJob } | { profile: string }): Promise<unknown> {
  if (message === 'cpu') return process.cpuUsage();
  if (message === 'stop') return server.close().then(() => process.exit(0));
  if ('direct' in message) return runDirect(server.direct, message.direct);
  if (message.profile === 'start') {
    profiler.connect();
    await profilerCall('Profiler.enable');
    return profilerCall('Profiler.start');
  }
  const { profile } = await profilerCall<{ profile: unknown }>('Profiler.stop');
  profiler.disconnect();
  writeFileSync(message.profile, JSON.stringify(profile));
  return { written: message.profile };
}

(async () => {
  const [kind, dir] = process.argv.slice(2);
  const server = await START[kind as ServerKind](dir);
  process.on('message', (message: Parameters<typeof onMessage>[1]) => {
    onMessage(server, message).then(
      (reply) => reply !== undefined && process.send?.(reply as never),
      (error: Error) => process.send?.({ error: error.message }),
    );
  });
  const { close: _close, direct: _direct, ...ready } = server;
  process.send?.(ready);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

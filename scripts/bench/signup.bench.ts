import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import { startLocalHost } from '../../cloudfunctions/local-host/main';
import { CROWD_FROM_ONE_ADDRESS, publishedEvent, signUpBody, visitors } from '../../tests/support/openweek-http';

/**
 * Open-week signup throughput on the local host under the rush (500 visitors at once at a 50-seat
 * event), against a bare `http` server doing one SQLite conditional update per request on the same
 * machine, with the same load generator (a child process, keep-alive connections). Rounds alternate
 * between the two so that both see the same machine load; the first round of each warms up and is not
 * counted. Prints both throughputs and their ratio. All visitors come from this machine's one address,
 * so the per-address limits are raised: each signup still counts in the limiter's store, none is refused.
 */
const ROUNDS = 6;
const VISITORS = 500;
const CONCURRENCY = 500;

interface Load {
  ms: number;
  statuses: Record<string, number>;
  answers: string[];
}

type Request = { path: string; headers: Record<string, string>; body: unknown };

function fire(url: string, requests: Request[]): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'load-generator.ts')], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load generator exited ${code}`))));
    child.stdin.end(JSON.stringify({ url, requests, concurrency: CONCURRENCY }));
  });
}

/** The baseline: parse the JSON body, one conditional UPDATE on a WAL SQLite file, answer JSON. */
async function startBare(dir: string): Promise<{ url: string; db: Database.Database; close: () => Promise<void> }> {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE events (id TEXT PRIMARY KEY, capacity INTEGER, taken INTEGER)');
  const take = db.prepare('UPDATE events SET taken = taken + 1 WHERE id = ? AND taken < capacity');
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { eventId: string } };
      const ok = take.run(body.data.eventId).changes === 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, data: { seat: ok } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-bench-'));
  const host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: join(dir, 'host'), SCRYPT_COST: '10', DEMO: '1', JOBS: '0', H5_DIR: join(dir, 'no-h5'), ...CROWD_FROM_ONE_ADDRESS }));
  const bare = await startBare(dir);
  const totals = { hostMs: 0, bareMs: 0, confirmed: 0, waitlisted: 0, counted: 0 };
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      const { post, eventId } = await publishedEvent(host, 50, `压测活动${round + 1}`);
      const people = await visitors(post, VISITORS);
      const onHost = await fire(host.url, people.map((headers, i) => ({ path: '/api/openweek', headers, body: { action: 'signUp', data: signUpBody(eventId, i) } })));
      if (onHost.statuses['200'] !== VISITORS) throw new Error(`local host answered ${JSON.stringify(onHost.statuses)}`);

      const bareEvent = `event-${round}`;
      bare.db.prepare('INSERT INTO events VALUES (?, 50, 0)').run(bareEvent);
      const onBare = await fire(bare.url, Array.from({ length: VISITORS }, (_, i) => ({ path: '/', headers: {}, body: { action: 'signUp', data: signUpBody(bareEvent, i) } })));
      if (onBare.statuses['200'] !== VISITORS) throw new Error(`bare server answered ${JSON.stringify(onBare.statuses)}`);
      if (round === 0) continue;

      for (const a of onHost.answers) {
        const status = (JSON.parse(a) as { data: { signup: { status: string } } }).data.signup.status;
        if (status === 'confirmed') totals.confirmed++;
        if (status === 'waitlisted') totals.waitlisted++;
      }
      totals.hostMs += onHost.ms;
      totals.bareMs += onBare.ms;
      totals.counted += VISITORS;
    }
    const taken = (bare.db.prepare("SELECT SUM(taken) AS n FROM events WHERE id != 'event-0'").get() as { n: number }).n;
    const hostRate = (totals.counted / totals.hostMs) * 1000;
    const bareRate = (totals.counted / totals.bareMs) * 1000;
    console.log(`signups: ${ROUNDS} rounds × ${VISITORS} visitors at once (concurrency ${CONCURRENCY}) at a 50-seat event, rounds alternating`);
    console.log(`  local host (openweek.signUp: router, visitor token, transaction, audit): ${hostRate.toFixed(0)} signups/s  (confirmed ${totals.confirmed}, waitlisted ${totals.waitlisted})`);
    console.log(`  bare http + one SQLite conditional update per request:                  ${bareRate.toFixed(0)} requests/s  (seats taken ${taken})`);
    console.log(`  ratio local host / bare: ${(hostRate / bareRate).toFixed(2)} (aim ≥ 0.5)`);
  } finally {
    await host.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

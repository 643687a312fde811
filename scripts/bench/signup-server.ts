// One server of the signup benchmark, forked as a child process so that its CPU time is its own:
// `host <dir>` runs the local host (demo campaign, no jobs); `bare <dir>` runs the baseline. Sends
// { url, file, office } over IPC once listening, then answers 'cpu' with its process.cpuUsage() and
// 'stop' by closing and exiting (which also writes a --cpu-prof profile when one was asked for).
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import type { SeededOffice } from '../../cloudfunctions/local-host/demo/seed-demo';
import { startLocalHost } from '../../cloudfunctions/local-host/main';
// Every visitor of the bench comes from this machine's one address: the per-address limits are raised so
// that each signup still counts in the limiter's store but none is refused. Each round's setup also signs
// collectives in from that address, more often than one person would.
import { CROWD_FROM_ONE_ADDRESS } from '../../tests/support/openweek-http';

export interface ServerReady {
  url: string;
  /** The SQLite file, for the bench's own checks (read-only). */
  file: string;
  office: SeededOffice | null;
}

/**
 * The baseline: what a minimal signup must do, on a bare `http` server. Parse the JSON body, then in
 * one transaction take a seat by a conditional update and insert the signup (one per person per event),
 * on a WAL file with the local host's durability setting; answer JSON. The visitor comes in a header,
 * unchecked: the equivalent of the host's pre-issued visitor token.
 */
async function startBare(dir: string): Promise<ServerReady & { close: () => Promise<void> }> {
  const file = join(dir, 'bare.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE events (id TEXT PRIMARY KEY, capacity INTEGER NOT NULL, taken INTEGER NOT NULL)');
  db.exec('CREATE TABLE signups (eventId TEXT NOT NULL, visitorId TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL, createdAt TEXT NOT NULL, PRIMARY KEY (eventId, visitorId))');
  const take = db.prepare('UPDATE events SET taken = taken + 1 WHERE id = ? AND taken < capacity');
  const insert = db.prepare('INSERT INTO signups VALUES (?, ?, ?, ?, ?)');
  const signUp = db.transaction((eventId: string, visitorId: string, name: string, phone: string): boolean => {
    if (take.run(eventId).changes !== 1) return false;
    insert.run(eventId, visitorId, name, phone, new Date().toISOString());
    return true;
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { eventId: string; name: string; phone: string } };
      const seated = signUp(body.data.eventId, String(req.headers['x-visitor']), body.data.name, body.data.phone);
      res.writeHead(seated ? 200 : 409, { 'content-type': 'application/json' });
      res.end(JSON.stringify(seated ? { ok: true, data: { status: 'confirmed' } } : { ok: false, error: { code: 'EVENT_FULL' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    file,
    office: null,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

async function startHost(dir: string): Promise<ServerReady & { close: () => Promise<void> }> {
  const dataDir = join(dir, 'host');
  const host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dataDir, SCRYPT_COST: '10', DEMO: '1', JOBS: '0', H5_DIR: join(dir, 'no-h5'), ...CROWD_FROM_ONE_ADDRESS, RATE_SIGN_IN_PER_IP: '1000000/1m' }));
  return { url: host.url, file: join(dataDir, 'qnwmh.sqlite'), office: host.office, close: () => host.close() };
}

(async () => {
  const [kind, dir] = process.argv.slice(2);
  const server = kind === 'host' ? await startHost(dir) : await startBare(dir);
  process.on('message', (message: string) => {
    if (message === 'cpu') process.send?.(process.cpuUsage());
    if (message === 'stop') void server.close().then(() => process.exit(0));
  });
  const { close: _close, ...ready } = server;
  process.send?.(ready);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

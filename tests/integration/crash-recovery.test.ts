import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SeatShardDoc } from '../../cloudfunctions/app/collections/openweek';
import type { RunningHost } from '../../cloudfunctions/local-host/main';
import { completeContent } from '../support/filing';
import { activate, client, CROWD_FROM_ONE_ADDRESS, issueCollective, publishedEvent, signUpBody, visitors, type Post } from '../support/openweek-http';

/**
 * The local host is killed outright (SIGKILL: no shutdown, no last commit) while visitors sign up and
 * cancel and collectives save and submit their filings; then it is started again on the same data
 * directory. Every write it had answered with success is there, and every side effect it had committed
 * to — the promoted people's messages, the notices of a cancelled event — is done after its start-up run.
 */
const ROOT = join(__dirname, '../..');

interface Child {
  process: ChildProcess;
  url: string;
  office: { code: string; oneTimePassword: string } | null;
}

/**
 * `npm run serve` as a child process on `dataDir`, answering once it has printed its address (PORT=0: any
 * free port) and, on a new data directory, the demo office's one-time password.
 */
function startHost(dataDir: string, fresh: boolean): Promise<Child> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the host in a process of its own, which a SIGKILL to it would miss.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cloudfunctions/local-host/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', JOBS: '1', SCRYPT_COST: '10', H5_DIR: join(dataDir, 'no-h5'), SMTP_URL: '', ...CROWD_FROM_ONE_ADDRESS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the host exited (${code}):\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /已启动：(http:\/\/\S+)/.exec(output)?.[1];
      const code = /组委会办公室 用户名：(\S+)/.exec(output)?.[1];
      const oneTimePassword = /组委会办公室 初始密码：(\S+)\n/.exec(output)?.[1];
      if (!url || !/数据目录/.test(output) || (fresh && !oneTimePassword)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ process: child, url, office: code && oneTimePassword ? { code, oneTimePassword } : null });
    });
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

/** The store as the restarted host left it, read-only beside it (WAL allows a second reader). */
function readStore(dataDir: string) {
  const db = new Database(join(dataDir, 'qnwmh.sqlite'), { readonly: true, fileMustExist: true });
  const all = <T,>(collection: string): T[] => (db.prepare(`SELECT doc FROM "${collection}"`).all() as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as T);
  return { all, close: () => db.close() };
}

interface SignupRow {
  id: string;
  eventId: string;
  visitorId: string;
  status: string;
}

describe('a host killed in the middle of signups and filing saves', () => {
  let dir: string;
  let host: Child | null = null;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qnwmh-crash-'));
  });
  afterAll(async () => {
    if (host && host.process.exitCode === null && !host.process.signalCode) {
      host.process.kill('SIGKILL');
      await exited(host.process);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('loses no acknowledged write and leaves no outbox work undone after its restart', async () => {
    host = await startHost(dir, true);
    const running = { url: host.url, office: host.office } as RunningHost;
    const post: Post = client(host.url);

    // Before the storm: an event of 10 seats for the signup stream, one of 120 people to cancel at the end,
    // and four collectives about to file.
    const small = await publishedEvent(running, 10, '小型开放日');
    const big = await publishedEvent(running, 150, '大型开放日');
    const crowd = await visitors(post, 120);
    for (const [i, headers] of crowd.entries()) {
      const answer = await post('openweek', 'signUp', signUpBody(big.eventId, i), headers);
      expect(answer.body.ok).toBe(true);
    }
    const collectives: Array<Record<string, string>> = [];
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const issued = await issueCollective(running, `崩溃测试集体${i}`);
      codes.push(issued.code);
      collectives.push(await activate(post, issued.code, issued.oneTimePassword));
    }
    const campaignId = (await post('openweek', 'filters', {})).body.data.campaigns[0].id as string;

    // What the host acknowledged (a 2xx answer).
    const acknowledged = {
      signups: new Map<string, string>(), // signup id → status answered
      cancelled: new Set<string>(),
      filings: new Map<number, { version: number; name: string; status: string }>(),
    };
    let dead = false;
    const attempt = async (fn: string, action: string, data: unknown, headers: Record<string, string>) => {
      try {
        const answer = await post(fn, action, data, headers);
        return answer.status >= 200 && answer.status < 300 && answer.body.ok ? answer.body.data : null;
      } catch {
        dead = true; // the connection broke: the host is gone
        return null;
      }
    };

    // The small event's 10 seats are taken before the storm; during it newcomers wait, and the seated give
    // their seats back one by one, each passing to the first in line, who is told.
    const seated = await visitors(post, 10);
    for (const [i, headers] of seated.entries()) {
      const answer = await post('openweek', 'signUp', signUpBody(small.eventId, 500 + i), headers);
      acknowledged.signups.set(answer.body.data.signup.id, answer.body.data.signup.status);
    }
    const people = await visitors(post, 90);
    const signupStream = async (worker: number) => {
      for (let i = worker; i < people.length && !dead; i += 3) {
        const data = await attempt('openweek', 'signUp', signUpBody(small.eventId, 1000 + i), people[i]);
        if (data) acknowledged.signups.set(data.signup.id, data.signup.status);
      }
    };
    const cancelStream = async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const headers of seated) {
        if (dead) return;
        const data = await attempt('openweek', 'cancelSignup', { eventId: small.eventId }, headers);
        if (data) acknowledged.cancelled.add(data.signup.id);
      }
    };
    const filingStream = async (n: number) => {
      for (let draft = 1; !dead; draft++) {
        const name = `崩溃测试集体${n}第${draft}稿`;
        const submitting = n % 2 === 0 && draft === 5;
        const data = await attempt('filing', submitting ? 'submit' : 'saveDraft', { campaignId, content: completeContent({ name }) }, collectives[n]);
        if (data) acknowledged.filings.set(n, { version: data.filing.version, name, status: data.filing.status });
        if (submitting && data) return;
      }
    };

    const streams = Promise.all([...[0, 1, 2].map(signupStream), cancelStream(), ...[0, 1, 2, 3].map(filingStream)]);
    // Mid-stream: the big event is cancelled, and the host dies the moment it has answered.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const cancelledEvent = await attempt('openweek', 'cancelEvent', { eventId: big.eventId, reason: '场地临时检修' }, big.collective);
    host.process.kill('SIGKILL');
    await exited(host.process);
    dead = true;
    await streams;
    expect(cancelledEvent).not.toBeNull();
    expect(acknowledged.signups.size).toBeGreaterThan(0);
    expect(acknowledged.filings.size).toBe(4);

    // The restart runs the outbox at once; wait for it to be empty.
    host = await startHost(dir, false);
    expect(host.office).toBeNull();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const store = readStore(dir);
      const left = store.all('outbox').length;
      store.close();
      if (left === 0) break;
      if (Date.now() > deadline) throw new Error(`${left} outbox records still undone after the restart`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const store = readStore(dir);
    try {
      const signups = new Map(store.all<SignupRow>('signups').map((s) => [s.id, s]));
      for (const id of acknowledged.signups.keys()) {
        const stored = signups.get(id)?.status ?? 'lost';
        expect({ id, stored }).toEqual({ id, stored: acknowledged.cancelled.has(id) ? 'cancelled' : expect.stringMatching(/^(confirmed|waitlisted)$/) });
      }
      const smallSignups = [...signups.values()].filter((s) => s.eventId === small.eventId);
      const shards = store.all<SeatShardDoc>('seatShards').filter((s) => s.eventId === small.eventId);
      expect(shards.reduce((n, s) => n + s.taken, 0)).toBe(smallSignups.filter((s) => s.status === 'confirmed').length);
      expect(shards.reduce((n, s) => n + s.joins - s.left, 0)).toBe(smallSignups.filter((s) => s.status === 'waitlisted').length);

      const mail = store.all<{ to: string; subject: string }>('devMailbox');
      const toldOf = (subject: string) => new Set(mail.filter((m) => m.subject.includes(subject)).map((m) => m.to));
      // Whoever answered "waitlisted" and now holds a seat was promoted, and was told.
      const promoted = [...acknowledged.signups].filter(([id, answered]) => answered === 'waitlisted' && signups.get(id)?.status === 'confirmed');
      expect(promoted.length).toBeGreaterThan(0);
      const toldPromoted = toldOf('候补成功');
      for (const [id] of promoted) expect({ id, told: toldPromoted.has(`微信 visitor:${signups.get(id)!.visitorId}`) }).toEqual({ id, told: true });
      // Everyone signed up for the cancelled event heard of it, though the host died right after answering.
      expect(store.all<{ id: string; status: string }>('events').find((e) => e.id === big.eventId)?.status).toBe('cancelled');
      const toldCancelled = toldOf('活动已取消');
      const bigSignups = [...signups.values()].filter((s) => s.eventId === big.eventId);
      expect(bigSignups).toHaveLength(120);
      expect(bigSignups.filter((s) => !toldCancelled.has(`微信 visitor:${s.visitorId}`))).toEqual([]);
    } finally {
      store.close();
    }

    // Each collective's filing is at least as far as its last acknowledged save, with that save's content when no later one landed.
    const post2 = client(host.url);
    for (const [n, last] of acknowledged.filings) {
      const token = (await post2('account', 'signIn', { code: codes[n], password: 'Passw0rd!' })).body.data.token as string;
      const mine = (await post2('filing', 'getMine', { campaignId }, { authorization: `Bearer ${token}` })).body.data.filing;
      expect(mine.version).toBeGreaterThanOrEqual(last.version);
      if (mine.version === last.version) expect({ name: mine.content.name, status: mine.status }).toEqual({ name: last.name, status: last.status });
      if (last.status === 'filed') expect(mine.status).toBe('filed');
    }
  }, 180_000);
});

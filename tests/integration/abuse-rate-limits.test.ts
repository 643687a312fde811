import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import { startLocalHost, type RunningHost } from '../../cloudfunctions/local-host/main';

/**
 * Abuse over real HTTP on the local host: a script on one machine hammering sign-in or minting visitors
 * is answered 429 with Retry-After, and it cannot pose as many machines by sending X-Forwarded-For.
 */
async function hostWith(env: Record<string, string>): Promise<{ host: RunningHost; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-abuse-'));
  const host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dir, SCRYPT_COST: '10', JOBS: '0', H5_DIR: join(dir, 'no-h5'), ...env }));
  return {
    host,
    close: async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const post = (host: RunningHost, fn: string, action: string, data: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ action, data }) });

/** Retry-After says what the body says: the seconds left of the window that began with the first attempt (wall-clock time here). */
async function expectRetryAfter(response: Response, windowSeconds: number) {
  const body = await response.json();
  expect(response.headers.get('retry-after')).toBe(String(body.error.retryAfterSeconds));
  expect(body.error.retryAfterSeconds).toBeGreaterThan(windowSeconds - 60);
  expect(body.error.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
  return body;
}

/** Ten sign-in attempts per 10 minutes here (the default's 60 are counted in rate-limits.test.ts), to keep each test short. */
const SIGN_IN_LIMIT = '10/10m';

const guess = (host: RunningHost, i: number, headers?: Record<string, string>) => post(host, 'account', 'signIn', { code: `JTSTORM${i}`, password: 'Guess1234' }, headers);

describe('a sign-in storm from one machine, straight at the host', () => {
  let running: Awaited<ReturnType<typeof hostWith>>;
  beforeAll(async () => {
    running = await hostWith({ DEMO: '1', RATE_SIGN_IN_PER_IP: SIGN_IN_LIMIT });
  });
  afterAll(async () => running.close());

  test('the 11th attempt in 10 minutes is answered 429 RATE_LIMITED with Retry-After, and a forged X-Forwarded-For does not help', async () => {
    const { host } = running;
    for (let i = 0; i < 10; i++) expect((await guess(host, i)).status).toBe(401);
    const refused = await guess(host, 10);
    expect(refused.status).toBe(429);
    expect(await expectRetryAfter(refused, 600)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '操作过于频繁，请在 10 分钟后重试' } });

    const disguised = await guess(host, 11, { 'x-forwarded-for': '198.51.100.77' });
    expect(disguised.status).toBe(429);
    // The holder's right password from the same machine waits too: the limit is checked before anything else.
    expect((await post(host, 'account', 'signIn', { code: host.office!.code, password: host.office!.oneTimePassword })).status).toBe(429);
  });

  test('a visitor-token mint from one machine is refused with Retry-After after 60', async () => {
    const { host } = running;
    for (let i = 0; i < 60; i++) expect((await post(host, 'openweek', 'startVisit', {})).status).toBe(200);
    const refused = await post(host, 'openweek', 'startVisit', {});
    expect(refused.status).toBe(429);
    expect((await expectRetryAfter(refused, 600)).error.code).toBe('RATE_LIMITED');
  });
});

describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
  let running: Awaited<ReturnType<typeof hostWith>>;
  beforeAll(async () => {
    running = await hostWith({ DEMO: '1', TRUST_PROXY: '1', RATE_SIGN_IN_PER_IP: SIGN_IN_LIMIT });
  });
  afterAll(async () => running.close());

  test('callers are told apart by the address the proxy appended; what a client writes before it is ignored', async () => {
    const { host } = running;
    const behindProxy = (client: string, claimed?: string) => ({ 'x-forwarded-for': claimed ? `${claimed}, ${client}` : client });
    for (let i = 0; i < 10; i++) await guess(host, i, behindProxy('203.0.113.5'));
    expect((await guess(host, 10, behindProxy('203.0.113.5'))).status).toBe(429);
    expect((await guess(host, 11, behindProxy('203.0.113.5', '198.51.100.1'))).status).toBe(429);
    expect((await guess(host, 12, behindProxy('203.0.113.6'))).status).toBe(401);
  });

  test('a locked-out address is answered 429 TOO_MANY_ATTEMPTS with Retry-After; the holder elsewhere signs in', async () => {
    const { host } = running;
    const office = host.office!;
    const stranger = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 4; i++) expect((await post(host, 'account', 'signIn', { code: office.code, password: 'Guess1234' }, stranger)).status).toBe(401);
    const locked = await post(host, 'account', 'signIn', { code: office.code, password: 'Guess1234' }, stranger);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect((await locked.json()).error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 900 });
    const holder = await post(host, 'account', 'signIn', { code: office.code, password: office.oneTimePassword }, { 'x-forwarded-for': '198.51.100.7' });
    expect(holder.status).toBe(200);
  });
});

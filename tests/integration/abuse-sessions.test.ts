import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountHandlers } from '../../cloudfunctions/app/features/account';
import { adminHandlers } from '../../cloudfunctions/app/features/admin';
import type { DevMailDoc, WechatBindingDoc } from '../../cloudfunctions/app/collections';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { cloudbaseMain } from '../../cloudfunctions/entries/cloudbase-main';
import { isLoopback, loadConfig } from '../../cloudfunctions/local-host/config';
import { startLocalHost, type RunningHost } from '../../cloudfunctions/local-host/main';
import { activate, client, issueCollective, must, officeHeaders, type Post } from '../support/openweek-http';
import { seedCloudbaseDemo, useCloudbaseFunctions, wechatContext } from '../support/cloudbase-functions';

/**
 * Abuse that rides on a stolen or forgotten sign-in, and on a host set up carelessly: over real HTTP on
 * the local host, and (for WeChat bindings) through the CloudBase functions as the platform calls them.
 */

const VIEWPORT_SCRIPT = 'document.documentElement.style.fontSize = "20px";';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tokenOf = (html: string) => /token=([A-Za-z0-9_-]+)/.exec(html)![1];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** This machine's own address on a network, or all interfaces where it has none: either way not loopback. */
function nonLoopbackAddress(): string {
  const own = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  return own?.address ?? '0.0.0.0';
}

describe('over HTTP on the local host', () => {
  let dir: string;
  let host: RunningHost;
  let post: Post;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qnwmh-abuse-'));
    mkdirSync(join(dir, 'h5'));
    writeFileSync(join(dir, 'h5', 'index.html'), `<!doctype html><html><head><script>${VIEWPORT_SCRIPT}</script></head><body><div id="app"></div></body></html>`);
    host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: join(dir, 'data'), SCRYPT_COST: '10', JOBS: '0', H5_DIR: join(dir, 'h5') }));
    post = client(host.url);
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A collective with its own password, signed in on two devices: each device's bearer header and the account id. */
  async function collectiveOnTwoDevices(name: string) {
    const issued = await issueCollective(host, name);
    const phone = await activate(post, issued.code, issued.oneTimePassword);
    const laptop = bearer((await must(post, 'account', 'signIn', { code: issued.code, password: 'Passw0rd!' })).token);
    const accountId = (await must(post, 'account', 'me', {}, phone)).account.id as string;
    return { code: issued.code, phone, laptop, accountId };
  }
  const stillSignedIn = async (headers: Record<string, string>) => (await post('openweek', 'myEvents', {}, headers)).status;

  test('changing the password ends every other session of the account; the device that changed it stays signed in', async () => {
    const c = await collectiveOnTwoDevices('城区公交一路青年班组');
    expect(await stillSignedIn(c.laptop)).toBe(200);
    await must(post, 'account', 'changePassword', { oldPassword: 'Passw0rd!', newPassword: 'Changed123' }, c.phone);

    const ended = await post('openweek', 'myEvents', {}, c.laptop);
    expect(ended).toMatchObject({ status: 401, body: { ok: false, error: { code: 'SESSION_EXPIRED' } } });
    expect(await stillSignedIn(c.phone)).toBe(200);
    expect((await post('account', 'signIn', { code: c.code, password: 'Passw0rd!' })).status).toBe(401);
  });

  test('an admin’s password reset ends every session of the account', async () => {
    const c = await collectiveOnTwoDevices('城区公交二路青年班组');
    const reset = await must(post, 'admin', 'resetPassword', { accountId: c.accountId }, await officeHeaders(host));
    expect(reset.oneTimePassword).toEqual(expect.any(String));
    expect(await stillSignedIn(c.phone)).toBe(401);
    expect(await stillSignedIn(c.laptop)).toBe(401);
  });

  test('a reset by mailed link ends every session of the account, and the link comes from the loopback-only outbox', async () => {
    const c = await collectiveOnTwoDevices('城区公交三路青年班组');
    await must(post, 'account', 'setRecoveryEmail', { email: 'line3@example.com', password: 'Passw0rd!' }, c.phone);
    await must(post, 'account', 'requestPasswordReset', { email: 'line3@example.com' });
    const outbox = await fetch(`${host.url}/dev/mailbox`);
    expect(outbox.status).toBe(200);
    await must(post, 'account', 'resetPassword', { token: tokenOf(await outbox.text()), newPassword: 'Recovered123' });

    expect(await stillSignedIn(c.phone)).toBe(401);
    expect(await stillSignedIn(c.laptop)).toBe(401);
  });

  test('the H5 client is served with a policy that allows its own inline script by hash and nothing from elsewhere', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(VIEWPORT_SCRIPT).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("img-src 'self' data: blob:");
    expect(policy).not.toMatch(/unsafe-eval|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    // Plain http: no HSTS (a browser would ignore it, and a LAN address would be pinned to https).
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  test('API answers are never sniffed, cached or framed, signed in or not', async () => {
    const office = await officeHeaders(host);
    for (const headers of [{}, office]) {
      const answer = await fetch(`${host.url}/api/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ action: 'me', data: {} }),
      });
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  test('a quota file over its limit is refused with the file field’s message, not the host’s size limit', async () => {
    const office = await officeHeaders(host);
    const campaignId = (await must(post, 'campaign', 'listCampaigns', {}, office)).items[0].id;
    const tooLarge = Buffer.alloc(1_600_000, 1).toString('base64');
    const answer = await post('campaign', 'importQuotas', { campaignId, fileName: '名额.xlsx', content: tooLarge }, office);
    expect(answer).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { content: '文件：不能超过1.5MB' } } } });
  });
});

describe('/dev/mailbox and where the host listens', () => {
  test('loopback is 127.0.0.0/8, ::1 and localhost; nothing else', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '128.0.0.1', 'example.org', '::ffff:192.168.1.1']) expect(isLoopback(host)).toBe(false);
  });

  test('off loopback without SMTP_URL the host refuses to start, naming HOST and SMTP_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qnwmh-offloop-'));
    try {
      expect(() => loadConfig({ HOST: '0.0.0.0', DATA_DIR: dir })).toThrow(/HOST: 0\.0\.0\.0 is not a loopback address, and SMTP_URL is not set/);
      expect(() => loadConfig({ HOST: '0.0.0.0', DATA_DIR: dir, SMTP_URL: 'smtp://mail.example.org:25' })).not.toThrow();
      expect(() => loadConfig({ DATA_DIR: dir, CONTENT_HELD_IMAGES: 'not-a-hash' })).toThrow(/CONTENT_HELD_IMAGES/);
      expect(loadConfig({ DATA_DIR: dir, CONTENT_HELD_IMAGES: `${'A'.repeat(64)}, ${'b'.repeat(64)}` }).heldImages).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a host on a network address, sending real mail, serves no outbox; with an https PUBLIC_URL it sends HSTS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qnwmh-offloop-'));
    const address = nonLoopbackAddress();
    const port = await freePort();
    const host = await startLocalHost(
      loadConfig({
        HOST: address,
        PORT: String(port),
        DATA_DIR: dir,
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://qnwmh.example.org',
        SCRYPT_COST: '10',
        JOBS: '0',
        H5_DIR: join(dir, 'no-h5'),
      }),
    );
    try {
      const base = `http://${address === '0.0.0.0' ? '127.0.0.1' : address}:${port}`;
      const outbox = await fetch(`${base}/dev/mailbox`);
      expect(outbox.status).toBe(404);
      expect(await outbox.text()).not.toContain('本地发件箱');
      // Nor the stand-in for WeChat's image verdicts: off this machine nobody may push one.
      const verdict = await fetch(`${base}/dev/media-verdict`, { method: 'POST', body: JSON.stringify({ image: 'a'.repeat(64), suggest: 'pass' }) });
      expect(verdict.status).toBe(404);
      expect((await fetch(`${base}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('while the local host starts', () => {
  test('a request that arrives before the store is open gets 503 with Retry-After at once, and the host then serves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qnwmh-starting-'));
    const port = await freePort();
    // A production scrypt cost makes loading the demo (it hashes the office's password) take a noticeable while.
    let started: RunningHost | null = null;
    const starting = startLocalHost(loadConfig({ PORT: String(port), DATA_DIR: dir, SCRYPT_COST: '16', JOBS: '0', H5_DIR: join(dir, 'no-h5') })).then((h) => {
      started = h;
    });
    const answers: Array<{ status: number; retryAfter: string | null; code?: string }> = [];
    try {
      while (!started) {
        try {
          // Every request is answered well within this: none is left hanging while the host starts.
          const response = await fetch(`http://127.0.0.1:${port}/api/account`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'me', data: {} }),
            signal: AbortSignal.timeout(5_000),
          });
          const body = await response.json();
          answers.push({ status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.code });
        } catch (error) {
          if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') throw error; // not yet bound
        }
      }
      await starting;
      const early = answers.filter((a) => a.status === 503);
      expect(early.length).toBeGreaterThan(0);
      expect(early.every((a) => a.retryAfter === '1' && a.code === 'STARTING')).toBe(true);
      const ready = await fetch(`http://127.0.0.1:${port}/api/account`, { method: 'POST', body: JSON.stringify({ action: 'me', data: {} }) });
      expect(ready.status).toBe(200);
    } finally {
      await starting;
      await (started as RunningHost | null)?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('WeChat bindings, through the CloudBase functions', () => {
  const { connect } = useCloudbaseFunctions();
  const account = cloudbaseMain('account', accountHandlers, connect);
  const admin = cloudbaseMain('admin', adminHandlers, connect);
  const wechat = wechatContext;
  const whoIs = async (openid: string) => ((await account({ action: 'me', data: {} }, wechat(openid))) as { data: { account: { code: string } | null } }).data.account;
  let office: { code: string; oneTimePassword: string };
  let store: CloudbaseStore;

  beforeAll(async () => {
    office = await seedCloudbaseDemo(connect);
    store = new CloudbaseStore(connect());
  });

  /** A level-1 admin issued by the office from its phone, with its own password, bound to `openid`. */
  async function boundAdmin(openid: string, name: string) {
    const unitId = ((await admin({ action: 'listUnits', data: {} }, wechat('o-office-phone'))) as { data: { items: Array<{ id: string }> } }).data.items[0].id;
    const issued = (await admin({ action: 'createAccount', data: { unitId, role: 'admin', name } }, wechat('o-office-phone'))) as {
      data: { account: { id: string; code: string }; oneTimePassword: string };
    };
    const { code, id } = issued.data.account;
    await account({ action: 'signIn', data: { code, password: issued.data.oneTimePassword } }, wechat(openid));
    await account({ action: 'changePassword', data: { oldPassword: issued.data.oneTimePassword, newPassword: 'Passw0rd!' } }, wechat(openid));
    return { code, id };
  }

  test('the office binds its phone; changing the password through that binding keeps it', async () => {
    await account({ action: 'signIn', data: { code: office.code, password: office.oneTimePassword } }, wechat('o-office-phone'));
    expect(await account({ action: 'changePassword', data: { oldPassword: office.oneTimePassword, newPassword: 'Office123' } }, wechat('o-office-phone'))).toMatchObject({ ok: true });
    expect(await whoIs('o-office-phone')).toMatchObject({ code: office.code });
  });

  test('an admin’s reset ends the WeChat binding of the account', async () => {
    const a = await boundAdmin('o-admin2-phone', '岳阳县一级管理员');
    expect(await whoIs('o-admin2-phone')).toMatchObject({ code: a.code });
    expect(await admin({ action: 'resetPassword', data: { accountId: a.id } }, wechat('o-office-phone'))).toMatchObject({ ok: true });
    expect(await whoIs('o-admin2-phone')).toBeNull();
  });

  test('a reset by mailed link ends the WeChat binding of the account', async () => {
    const a = await boundAdmin('o-admin3-phone', '教育行业一级管理员');
    await account({ action: 'setRecoveryEmail', data: { email: 'edu@example.org', password: 'Passw0rd!' } }, wechat('o-admin3-phone'));
    expect(await whoIs('o-admin3-phone')).toMatchObject({ code: a.code });
    await account({ action: 'requestPasswordReset', data: { email: 'edu@example.org' } }, wechat(''));
    const mails = await store.find<DevMailDoc>('devMailbox', { where: { to: 'edu@example.org' }, orderBy: { fields: ['sentAt'], direction: 'desc' }, limit: 1 });
    expect(await account({ action: 'resetPassword', data: { token: tokenOf(mails.items[0].text), newPassword: 'Recovered123' } }, wechat(''))).toMatchObject({ ok: true });
    expect(await whoIs('o-admin3-phone')).toBeNull();
  });

  test('a binding stops working 90 days after its last password sign-in, and a password sign-in renews it', async () => {
    const a = await boundAdmin('o-old-phone', '卫健行业一级管理员');
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await store.update('wechatBindings', 'o-old-phone', { set: { passwordSignInAt: daysAgo(89) } });
    expect(await whoIs('o-old-phone')).toMatchObject({ code: a.code });

    await store.update('wechatBindings', 'o-old-phone', { set: { passwordSignInAt: daysAgo(90) } });
    expect(await whoIs('o-old-phone')).toBeNull();
    expect(await admin({ action: 'listUnits', data: {} }, wechat('o-old-phone'))).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });

    await account({ action: 'signIn', data: { code: a.code, password: 'Passw0rd!' } }, wechat('o-old-phone'));
    expect(await whoIs('o-old-phone')).toMatchObject({ code: a.code });
    const renewed = await store.get<WechatBindingDoc>('wechatBindings', 'o-old-phone');
    expect(Date.now() - new Date(renewed!.passwordSignInAt!).getTime()).toBeLessThan(60_000);
  });
});

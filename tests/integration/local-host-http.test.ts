import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskFiles } from '../../cloudfunctions/adapters/files/local-disk-files';
import { TransactionConflictError } from '../../cloudfunctions/app/ports/store';
import { toErrorBody } from '../../cloudfunctions/app/router';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import { startLocalHost, type RunningHost } from '../../cloudfunctions/local-host/main';

describe('the local host over real HTTP', () => {
  let dir: string;
  let host: RunningHost;
  const post = (fn: string, body: unknown, token?: string) =>
    fetch(`${host.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qnwmh-http-'));
    host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dir, SCRYPT_COST: '10', H5_DIR: join(dir, 'no-h5') }));
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('GET /api describes every function and action with JSON Schemas and roles', async () => {
    const response = await fetch(`${host.url}/api`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body.functions)).toEqual(expect.arrayContaining(['account', 'admin']));
    const signIn = body.functions.account.actions.signIn;
    expect(signIn.roles).toEqual(['public']);
    expect(signIn.input).toMatchObject({ type: 'object', required: ['code', 'password'], additionalProperties: false });
    expect(body.functions.admin.actions.cancelAccount.roles).toEqual(['office']);
  });

  test('refusals map to HTTP statuses: 400 bad input, 401 not signed in, 403 not allowed, 429 locked', async () => {
    expect((await post('account', { action: 'signIn', data: {} })).status).toBe(400);
    expect((await post('admin', { action: 'listUnits', data: {} })).status).toBe(401);
    const wrong = await post('account', { action: 'signIn', data: { code: host.office!.code, password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: '用户名或密码错误' } });

    const signedIn = await (await post('account', { action: 'signIn', data: { code: host.office!.code, password: host.office!.oneTimePassword } })).json();
    expect((await post('admin', { action: 'listUnits', data: {} }, signedIn.data.token)).status).toBe(403);
    for (let i = 0; i < 4; i++) await post('account', { action: 'signIn', data: { code: host.office!.code, password: 'nope' } });
    expect((await post('account', { action: 'signIn', data: { code: host.office!.code, password: 'nope' } })).status).toBe(429);
  });

  test('malformed requests get a clear 4xx, never a 5xx', async () => {
    expect((await post('account', '{not json')).status).toBe(400);
    expect((await post('account', { action: 'dropTables' })).status).toBe(400);
    expect((await post('nosuchfunction', { action: 'x' })).status).toBe(404);
    expect((await post('account', { action: 'signIn', data: { code: 'x'.repeat(5_000_000), password: 'y' } })).status).toBe(413);
    expect((await fetch(`${host.url}/api/account`)).status).toBe(405);
    expect((await fetch(`${host.url}/%E0%A4%A`)).status).toBe(400);
  });

  test('a file is written over HTTP only where a function allowed it: anywhere else is 403 and nothing is stored', async () => {
    const key = `creationlog/someone/${'a'.repeat(32)}.mp4`;
    const put = await fetch(`${host.url}/files/${key}`, { method: 'PUT', body: Buffer.alloc(100), headers: { 'content-type': 'video/mp4' } });
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '上传地址无效或已过期，请重新选择文件' } });
    expect((await fetch(`${host.url}/files/${key}`)).status).toBe(404);
  });

  test('stored files open in the browser as their type (a ledger PDF too), and anything that could run as a page downloads', async () => {
    const files = new LocalDiskFiles(join(dir, 'files'));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF');
    const stored = {
      [`ledger/unit/${'b'.repeat(32)}.pdf`]: { bytes: pdf, type: 'application/pdf', disposition: 'inline' },
      [`creationlog/someone/${'c'.repeat(32)}.jpg`]: { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), type: 'image/jpeg', disposition: 'inline' },
      ['posters/ABC123.png']: { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), type: 'image/png', disposition: 'inline' },
      ['stray/page.html']: { bytes: Buffer.from('<script>alert(1)</script>'), type: 'application/octet-stream', disposition: 'attachment' },
      ['stray/mark.svg']: { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), type: 'application/octet-stream', disposition: 'attachment' },
      ['stray/no-extension']: { bytes: pdf, type: 'application/octet-stream', disposition: 'attachment' },
    };
    for (const [key, { bytes }] of Object.entries(stored)) await files.save(key, bytes);
    for (const [key, { bytes, type, disposition }] of Object.entries(stored)) {
      const response = await fetch(`${host.url}/files/${key}`);
      expect([key, response.status, response.headers.get('content-type'), response.headers.get('content-disposition')]).toEqual([key, 200, type, disposition]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
  });

  test('identity is never taken from the body', async () => {
    const response = await post('admin', { action: 'listUnits', data: {}, openid: 'o-fake', token: 'x', accountId: 'y' });
    expect(response.status).toBe(401);
  });

  test('without a built client the host says how to build it', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:h5');
  });

  test('the developer mailbox page lists mail sent without SMTP', async () => {
    const response = await fetch(`${host.url}/dev/mailbox`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('本地发件箱');
  });
});

describe('configuration', () => {
  test('a malformed variable stops start-up with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: mkdtempSync(join(tmpdir(), 'qnwmh-cfg-')) })).toThrow(/PORT/);
    expect(() => loadConfig({ SESSION_SECRET: 'short', DATA_DIR: mkdtempSync(join(tmpdir(), 'qnwmh-cfg-')) })).toThrow(/SESSION_SECRET/);
  });
});

describe('faults and contention', () => {
  test('a transaction that keeps colliding answers CONFLICT (try again), an unexpected fault INTERNAL without details', () => {
    expect(toErrorBody(new TransactionConflictError('events/e1'))).toEqual({ code: 'CONFLICT', message: '数据已被他人修改，请刷新后重试' });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(toErrorBody(new Error('disk on fire at /var/lib/secret'))).toEqual({ code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
    spy.mockRestore();
  });
});

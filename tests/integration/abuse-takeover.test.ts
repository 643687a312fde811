import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/app/collections';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import { startLocalHost, type RunningHost } from '../../cloudfunctions/local-host/main';
import { activate, client, must, officeHeaders, type Post, publishedEvent, signUpBody, visitors } from '../support/openweek-http';

/**
 * Abuse over real HTTP on the local host: what a hostile admin of another branch, or anyone reading
 * the views, can get. The store is read from its SQLite file beside the running host.
 */
describe('abuse over real HTTP: takeover and public-person ids', () => {
  let dir: string;
  let host: RunningHost;
  let post: Post;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qnwmh-abuse-'));
    host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dir, SCRYPT_COST: '10', JOBS: '0', H5_DIR: join(dir, 'no-h5') }));
    post = client(host.url);
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every document of every collection, as committed in the host's SQLite file. */
  function storeContents(): Record<string, unknown[]> {
    const db = new Database(join(dir, 'qnwmh.sqlite'), { readonly: true });
    try {
      return Object.fromEntries(Object.keys(COLLECTIONS).map((name) => [name, db.prepare(`SELECT id, doc FROM "${name}" ORDER BY id`).all()]));
    } finally {
      db.close();
    }
  }

  test('a level-1 admin of another branch cannot take a collective over by its code and name: refused, store unchanged, the collective still signs in', async () => {
    const office = await officeHeaders(host);
    const units = (await must(post, 'admin', 'listUnits', {}, office)).items as Array<{ id: string; name: string }>;
    const unit = (name: string) => units.find((u) => u.name === name)!.id;
    const issue = async (unitId: string, role: string, name: string) => (await must(post, 'admin', 'createAccount', { unitId, role, name }, office)) as { account: { code: string }; oneTimePassword: string };
    const target = await issue(unit('交通'), 'collective', '岳阳市公交一路青年班组');
    const targetAuth = await activate(post, target.account.code, target.oneTimePassword);
    await must(post, 'filing', 'getMine', {}, targetAuth);
    const hostileIssued = await issue(unit('岳阳县'), 'admin', '岳阳县一级管理员');
    const hostile = await activate(post, hostileIssued.account.code, hostileIssued.oneTimePassword);

    const before = storeContents();
    const attempt = await post('review', 'transferCollective', { code: target.account.code, name: '岳阳市公交一路青年班组', toUnitId: unit('岳阳县'), reason: '接管' }, hostile);
    expect(attempt.status).toBe(403);
    expect(attempt.body).toMatchObject({ ok: false, error: { code: 'TRANSFER_NEEDS_APPROVAL', message: expect.stringContaining('转移申请') } });
    expect(storeContents()).toEqual(before);
    const signIn = await post('account', 'signIn', { code: target.account.code, password: 'Passw0rd!' });
    expect(signIn.body).toMatchObject({ ok: true, data: { account: { code: target.account.code } } });

    // Asking instead leaves the collective where it is until its branch decides, and hands over no credentials.
    const asked = await post('review', 'requestTransfer', { code: target.account.code, name: '岳阳市公交一路青年班组', toUnitId: unit('岳阳县'), reason: '应由地方归口' }, hostile);
    expect(asked.body).toMatchObject({ ok: true, data: { request: { status: 'pending', fromCode: null, newCode: null } } });
    expect(JSON.stringify(asked.body)).not.toContain('oneTimePassword');
    const early = await post('review', 'issueTransferPassword', { requestId: asked.body.data.request.id }, hostile);
    expect(early.body).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect((await post('account', 'signIn', { code: target.account.code, password: 'Passw0rd!' })).body.ok).toBe(true);
  });

  test('no visitor id reaches the attendee list, its xlsx export or the audit log fetched over HTTP', async () => {
    const { collective, eventId } = await publishedEvent(host, 2, '调度中心开放日');
    const people = await visitors(post, 3);
    for (const [i, visitor] of people.entries()) await must(post, 'openweek', 'signUp', signUpBody(eventId, i), visitor);
    await must(post, 'openweek', 'cancelSignup', { eventId }, people[0]);
    const ids = people.map((headers) => headers['x-visitor-token'].split('.')[1]);

    const list = await must(post, 'openweek', 'listSignups', { eventId }, collective);
    expect(list.items).toHaveLength(3);
    const exported = await must(post, 'openweek', 'exportAttendees', { eventId }, collective);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
    expect(cells).toEqual(expect.arrayContaining(['市民1', '市民2']));
    const audit = await must(post, 'admin', 'listAudit', { limit: 50 }, await officeHeaders(host));
    expect(audit.items.filter((a: { actorKind: string }) => a.actorKind === 'visitor').map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['openweek.signUp', 'openweek.cancelSignup']),
    );

    const seen = JSON.stringify([list, audit]) + cells.join('\n');
    expect(ids.filter((id) => seen.includes(id))).toEqual([]);
    expect(seen).not.toMatch(/h5:|wx:/);
  });
});

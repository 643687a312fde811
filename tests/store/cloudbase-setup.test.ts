import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CloudbaseDatabaseAdmin } from '../../cloudfunctions/adapters/cloudbase/cloudbase-database-admin';
import { COLLECTIONS } from '../../cloudfunctions/app/collections';
import { applyPlan, shortfalls } from '../../cloudfunctions/app/collections/database-plan';
import { indexName, type IndexSpec } from '../../cloudfunctions/app/collections/index-spec';
import { accountHandlers } from '../../cloudfunctions/app/features/account';
import { adminHandlers } from '../../cloudfunctions/app/features/admin';
import { cloudbaseMain } from '../../cloudfunctions/entries/cloudbase-main';
import { seedCloudbaseDemo, useCloudbaseFunctions, wechatContext } from '../support/cloudbase-functions';
import { FakeCloudbase } from '../support/fake-cloudbase';

/**
 * Collections and indexes are created, checked and relied on through CloudBase's management API:
 * the real @cloudbase/manager-node talks to the stand-in (TCB_BASE_URL), which is the only fake.
 */
const fake = new FakeCloudbase({}); // environments start as CloudBase gives them: no collections at all
const { connect } = useCloudbaseFunctions(fake);
const admin = (envId: string) => new CloudbaseDatabaseAdmin({ envId, secretId: 'fake-id', secretKey: 'fake-key' });
const run = promisify(execFile);

const expected = Object.fromEntries(
  Object.entries(COLLECTIONS as Record<string, IndexSpec[]>).map(([name, indexes]) => [
    name,
    indexes.map((index) => ({ name: indexName(index), fields: index.fields, unique: Boolean(index.unique) })),
  ]),
);

test('setup creates every collection and every index, unique ones unique, and a second run creates nothing', async () => {
  const first = await applyPlan(admin('setup-env'), COLLECTIONS, () => undefined);
  expect(fake.describe('setup-env')).toEqual(expected);
  expect(first.created).toContain('accounts.code_1');
  expect(await shortfalls(admin('setup-env'), COLLECTIONS)).toEqual([]);
  expect(await applyPlan(admin('setup-env'), COLLECTIONS, () => undefined)).toEqual({ created: [], conflicting: [] });
  expect(fake.describe('setup-env')).toEqual(expected);
});

test('setup:cloudbase and check:cloudbase as run from the command line: exit codes and what they print', async () => {
  const script = (name: string, env: NodeJS.ProcessEnv) =>
    run(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, `../../scripts/${name}.ts`)], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
  const base = { PATH: process.env.PATH, TCB_BASE_URL: fake.managementUrl() };
  const credentials = { ...base, CLOUDBASE_ENV_ID: 'script-env', TENCENTCLOUD_SECRETID: 'fake-id', TENCENTCLOUD_SECRETKEY: 'fake-key' };

  const without = await script('check-cloudbase', base);
  expect(without).toMatchObject({ code: 2, out: expect.stringContaining('set CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY') });
  expect((await script('check-cloudbase', credentials)).code).toBe(1);

  const setup = await script('setup-cloudbase', credentials);
  expect(setup.code).toBe(0);
  expect(setup.out).toContain('created  signups.checkInCode_1 (unique)');
  expect(await script('check-cloudbase', credentials)).toMatchObject({ code: 0, out: expect.stringContaining('are in place') });

  fake.dropIndex('script-env', 'quotas', 'campaignId_1_unitId_1');
  const check = await script('check-cloudbase', credentials);
  expect(check).toMatchObject({ code: 1, out: expect.stringContaining('quotas.campaignId_1_unitId_1 (campaignId, unitId) unique is missing') });
}, 60_000);

test('a function refuses writes that rely on a unique index the environment lacks, asking once per cold start', async () => {
  // The function's environment (test-env) is set up, then someone drops the unique index on account codes.
  await applyPlan(admin('test-env'), COLLECTIONS, () => undefined);
  fake.dropIndex('test-env', 'accounts', 'code_1');
  const office = await seedCloudbaseDemo(connect);
  const phone = wechatContext('o-office-phone');
  const account = cloudbaseMain('account', accountHandlers, connect);
  const adminFn = cloudbaseMain('admin', adminHandlers, connect);
  // Signing in (which binds the WeChat user) and changing the password write to accounts, but not to
  // its code: they go on.
  expect(await account({ action: 'signIn', data: { code: office.code, password: office.oneTimePassword } }, phone)).toMatchObject({ ok: true });
  expect(await account({ action: 'changePassword', data: { oldPassword: office.oneTimePassword, newPassword: 'Passw0rd!' } }, phone)).toMatchObject({ ok: true });

  const units = (await adminFn({ action: 'listUnits', data: {} }, phone)) as { ok: true; data: { items: Array<{ id: string; level: number }> } };
  expect(units.ok).toBe(true);
  const unitId = units.data.items.find((u) => u.level === 1)!.id;
  const before = fake.managementActions.length;
  const issue = await adminFn({ action: 'createAccount', data: { unitId, role: 'admin', name: '一级管理员' } }, phone);
  expect(issue).toEqual({ ok: false, error: { code: 'UNIQUE_INDEX_MISSING', message: expect.stringContaining('数据库缺少唯一索引 accounts(code)') } });
  const lookups = fake.managementActions.length;
  expect(lookups).toBeGreaterThan(before);

  // The answer is kept: the next refused write asks the environment nothing.
  const again = await adminFn({ action: 'createAccount', data: { unitId, role: 'admin', name: '一级管理员' } }, phone);
  expect(again).toMatchObject({ ok: false, error: { code: 'UNIQUE_INDEX_MISSING' } });
  expect(fake.managementActions.length).toBe(lookups);
  // Creating units relies on units(parentId, name), which is there.
  expect(await adminFn({ action: 'createUnit', data: { parentId: unitId, name: '新二级单位' } }, phone)).toMatchObject({ ok: true });
});

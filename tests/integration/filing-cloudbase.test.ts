import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, type UnitDoc } from '../../cloudfunctions/app/collections';
import type { FilingDoc } from '../../cloudfunctions/app/collections/filing';
import type { Caller, Deps } from '../../cloudfunctions/app/context';
import { FUNCTIONS } from '../../cloudfunctions/app/functions';
import { dispatch } from '../../cloudfunctions/app/router';
import { limitRules } from '../../cloudfunctions/app/limits/rules';
import { StoreRateLimiter } from '../../cloudfunctions/app/limits/store-rate-limiter';
import { PasswordHasher } from '../../cloudfunctions/app/security/passwords';
import { SessionTokens } from '../../cloudfunctions/app/security/session-tokens';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { DevMailboxMailer } from '../../cloudfunctions/adapters/mail/dev-mailbox-mailer';
import { DevMailboxNotifier } from '../../cloudfunctions/adapters/mail/dev-mailbox-notifier';
import { seedDemo } from '../../cloudfunctions/local-host/demo/seed-demo';
import { moveCount, readCounts } from '../../cloudfunctions/app/common/filing-counts';
import { TALLY_VERSION } from '../../shared/domain/filing/tally';
import { WordListContentSecurity } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { NO_RISK } from '../../cloudfunctions/app/ports/risk-control';
import { transact } from '../../cloudfunctions/app/ports/transaction-retry';
import { FakeCloudbase } from '../support/fake-cloudbase';
import { completeContent } from '../support/filing';

/**
 * The filing flow on CloudbaseStore (the real SDK against the MongoDB-rules model of CloudBase): the
 * conditional updates, counters and single-document transactions the use cases rely on behave as on SQLite.
 */
const fake = new FakeCloudbase(COLLECTIONS);
const savedEnv = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };
let deps: Deps;
const clock = new Date('2018-11-20T02:00:00.000Z');
/** What the first test leaves for the transfer test: the office, 岳阳县's admin and its approved collective. */
let approved: { office: Caller; countyAdmin: Caller; collectiveCode: string; filingId?: string };

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  const serviceUrl = await fake.start();
  const app = tcb.init({ env: 'emulated-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 5000 });
  const store = new CloudbaseStore(app);
  deps = {
    store,
    mailer: new DevMailboxMailer(store, () => clock),
    notifier: new DevMailboxNotifier(store, () => clock),
    passwords: new PasswordHasher(10),
    tokens: new SessionTokens('test-secret-that-is-long-enough-for-hmac-signing'),
    limiter: new StoreRateLimiter(store),
    contentSecurity: new WordListContentSecurity(),
    riskControl: NO_RISK,
    now: () => clock,
    config: { sessionTtlHours: 12, publicUrl: 'http://h5.test', limits: limitRules(), signInLockMinutes: 15 },
  };
});

afterAll(async () => {
  await fake.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function ok<T>(fn: string, action: string, data: unknown, caller: Caller = {}): Promise<T> {
  const result = await dispatch(deps, fn as never, FUNCTIONS[fn as keyof typeof FUNCTIONS] as never, { action, data }, caller);
  if (!result.ok) throw new Error(`${fn}.${action}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

async function activate(code: string, password: string): Promise<Caller> {
  const first = await ok<{ token: string }>('account', 'signIn', { code, password });
  await ok('account', 'changePassword', { oldPassword: password, newPassword: 'Passw0rd!' }, { token: first.token });
  return { token: (await ok<{ token: string }>('account', 'signIn', { code, password: 'Passw0rd!' })).token };
}

test('a collective files and its level-1 admin approves it on CloudBase; a stale decision is refused and the counts follow', async () => {
  const seeded = await seedDemo(deps);
  if (!seeded) throw new Error('not seeded');
  const office = await activate(seeded.code, seeded.oneTimePassword);
  const units = await ok<{ items: UnitDoc[] }>('admin', 'listUnits', { limit: 50 }, office);
  const county = units.items.find((u) => u.name === '岳阳县')!;
  const issue = async (by: Caller, role: string, name: string) => {
    const issued = await ok<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId: county.id, role, name }, by);
    return activate(issued.account.code, issued.oneTimePassword);
  };
  const admin = await issue(office, 'admin', '岳阳县一级管理员');
  const collective = await issue(admin, 'collective', '岳阳县人民医院青年护理组');
  approved = { office, countyAdmin: admin, collectiveCode: (await ok<{ account: { code: string } }>('account', 'me', {}, collective)).account.code };

  const campaign = (await ok<{ items: Array<{ id: string }> }>('campaign', 'listCampaigns', {}, office)).items[0];
  await ok('filing', 'saveDraft', { campaignId: campaign.id, content: { name: '岳阳县人民医院青年护理组' } }, collective);
  const { filing } = await ok<{ filing: FilingDoc }>('filing', 'submit', { campaignId: campaign.id, content: completeContent({ name: '岳阳县人民医院青年护理组' }) }, collective);
  expect(filing).toMatchObject({ status: 'filed', stage: 1 });

  const queue = await ok<{ items: unknown[]; counts: Record<string, number> }>('review', 'listQueue', { campaignId: campaign.id, status: 'filed' }, admin);
  expect(queue.items).toHaveLength(1);
  expect(queue.counts).toMatchObject({ filed: 1, draft: 0 });

  await ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, admin);
  const stale = await dispatch(deps, 'review', FUNCTIONS.review, { action: 'decide', data: { filingId: filing.id, version: filing.version, decision: 'return', comment: '退回' } }, admin);
  expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const after = await ok<{ counts: Record<string, number> }>('review', 'listQueue', { campaignId: campaign.id }, office);
  expect(after.counts).toMatchObject({ filed: 0, approved: 1 });
  const mine = await ok<{ filing: { status: string; opinions: unknown[] } }>('filing', 'getMine', {}, collective);
  expect(mine.filing).toMatchObject({ status: 'approved', opinions: [expect.objectContaining({ decision: 'approve' })] });
  approved.filingId = filing.id;
});

test('a cross-branch transfer on CloudBase: 交通 asks, 岳阳县 approves, the collective and its filing move and 交通 takes the new password once', async () => {
  const { office, countyAdmin, collectiveCode, filingId } = approved;
  const units = await ok<{ items: UnitDoc[] }>('admin', 'listUnits', { limit: 50 }, office);
  const transport = units.items.find((u) => u.name === '交通')!;
  const issued = await ok<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId: transport.id, role: 'admin', name: '交通行业一级管理员' }, office);
  const transportAdmin = await activate(issued.account.code, issued.oneTimePassword);
  const input = { code: collectiveCode, name: '岳阳县人民医院青年护理组', toUnitId: transport.id, reason: '应由交通归口' };
  const direct = await dispatch(deps, 'review', FUNCTIONS.review, { action: 'transferCollective', data: input }, transportAdmin);
  expect(direct).toMatchObject({ ok: false, error: { code: 'TRANSFER_NEEDS_APPROVAL' } });
  const { request } = await ok<{ request: { id: string } }>('review', 'requestTransfer', input, transportAdmin);
  await ok('review', 'decideTransfer', { requestId: request.id, approve: true, comment: '同意转出' }, countyAdmin);
  const taken = await ok<{ account: { code: string }; oneTimePassword: string }>('review', 'issueTransferPassword', { requestId: request.id }, transportAdmin);
  const again = await dispatch(deps, 'review', FUNCTIONS.review, { action: 'issueTransferPassword', data: { requestId: request.id } }, transportAdmin);
  expect(again).toMatchObject({ ok: false, error: { code: 'TRANSFER_PASSWORD_ISSUED' } });
  const successor = await activate(taken.account.code, taken.oneTimePassword);
  const mine = await ok<{ filing: { id: string; unitName: string } }>('filing', 'getMine', {}, successor);
  expect(mine.filing).toMatchObject({ id: filingId, unitName: '交通' });
});

test('first filings racing in a new unit all land: the counter shard they both create is taken up by the retry, not an INTERNAL', async () => {
  // Every writer draws the same shard, so each counter document is created by whichever commits first.
  const draft = { status: 'draft', topTitle: 'none', nonPublic: false, submittedAt: null, tallied: TALLY_VERSION } as const;
  const first = Array.from({ length: 6 }, () =>
    transact(deps.store, (tx) => moveCount(tx, 'race-campaign', '/root/new-unit/', null, draft, 7)),
  );
  await Promise.all(first);
  expect(await readCounts(deps.store, 'race-campaign', 'new-unit')).toMatchObject({ draft: 6, filed: 0 });
  expect(await readCounts(deps.store, 'race-campaign', 'root')).toMatchObject({ draft: 6 });

  await transact(deps.store, (tx) => moveCount(tx, 'race-campaign', '/root/new-unit/', draft, { ...draft, status: 'filed', submittedAt: '2018-11-20T02:00:00.000Z' }));
  expect(await readCounts(deps.store, 'race-campaign', 'new-unit')).toMatchObject({ draft: 5, filed: 1 });
});

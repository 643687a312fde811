import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, TestApp } from '../support/harness';
import { expectOutcome, matrixCases } from '../support/authorization';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;
type Who = 'anonymous' | 'collective' | 'admin3' | 'adminInScope' | 'adminOutOfScope' | 'office';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_IN_SCOPE';

const callers: Record<Who, (h: Hierarchy) => Caller> = {
  anonymous: () => ({}),
  collective: (h) => h.collective.caller,
  admin3: (h) => h.admin3.caller,
  adminInScope: (h) => h.admin1.caller,
  adminOutOfScope: (h) => h.countyAdmin1.caller,
  office: (h) => h.office.caller,
};

/**
 * Every admin action against a target inside the 交通 branch (the level-2 admin's account, or the
 * level-2 unit), called by each kind of caller. `adminInScope` is the 交通 level-1 admin;
 * `adminOutOfScope` is the 岳阳县 level-1 admin, one branch over.
 */
const matrix: Array<{ action: string; input: (h: Hierarchy) => Record<string, unknown>; expect: Record<Who, Outcome> }> = [
  {
    action: 'listUnits',
    input: (h) => ({ parentId: h.units.bureau.id }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'NOT_IN_SCOPE', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'createUnit',
    input: (h) => ({ parentId: h.units.bureau.id, name: '新的三级单位' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'createAccount',
    input: (h) => ({ unitId: h.units.station.id, role: 'collective', name: '公交二路青年班组' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'listAccounts',
    input: (h) => ({ unitId: h.units.bureau.id }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'NOT_IN_SCOPE', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'getAccount',
    input: (h) => ({ accountId: h.admin2.accountId }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'NOT_IN_SCOPE', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  ...(['resetPassword', 'lockAccount', 'unbindWechat'] as const).map((action) => ({
    action,
    input: (h: Hierarchy) => ({ accountId: h.admin2.accountId, ...(action === 'lockAccount' ? { reason: '测试原因' } : {}) }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' } as Record<Who, Outcome>,
  })),
  {
    action: 'unlockAccount',
    input: (h) => ({ accountId: h.admin2.accountId }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'cancelAccount',
    input: (h) => ({ accountId: h.admin2.accountId, reason: '集体撤销' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'FORBIDDEN', adminOutOfScope: 'FORBIDDEN', office: 'ok' },
  },
  {
    action: 'listAudit',
    input: () => ({}),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' },
  },
];

/** Puts the target into the state where the action applies, so an allowed call can succeed. */
async function prepare(app: TestApp, h: Hierarchy, action: string): Promise<void> {
  if (action === 'unlockAccount') await app.ok('admin', 'lockAccount', { accountId: h.admin2.accountId, reason: '准备解锁' }, h.office.caller);
  if (action === 'unbindWechat') await app.ok('account', 'signIn', { code: h.admin2.code, password: h.admin2.password }, { openid: 'o-admin2' });
}

const cases = matrixCases<Who, Outcome, (typeof matrix)[number]>(matrix);

describe('who may call each admin action', () => {
  test.each(cases)('admin.$action by $who → $outcome', async ({ action, input, who, outcome }) => {
    const app = new TestApp();
    try {
      const h = await seedHierarchy(app);
      await prepare(app, h, action);
      await expectOutcome(app, () => app.call('admin', action as never, input(h), callers[who](h)), outcome);
    } finally {
      await app.close();
    }
  });
});

describe('who may call the account actions that need a sign-in', () => {
  test.each(['signOut', 'changePassword', 'setRecoveryEmail'])('account.%s refuses an anonymous caller and changes nothing', async (action) => {
    const app = new TestApp();
    try {
      await seedHierarchy(app);
      const before = await app.snapshot();
      const result = await app.call('account', action as never, { oldPassword: 'x', newPassword: 'Passw0rd12', email: 'a@b.cn', password: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await app.snapshot()).toEqual(before);
    } finally {
      await app.close();
    }
  });
});

type TransferOutcome = Outcome | 'TRANSFER_NEEDS_APPROVAL' | 'INVALID_STATE' | 'SESSION_EXPIRED';
type TransferWorld = Hierarchy & { requestId: string };

/**
 * Moving the 交通 branch's collective (at 城区公交站). A move inside the branch is direct for whoever covers
 * both units; into 岳阳县 it is a request from 岳阳县's side that the 交通 branch (or the office) decides,
 * and the new code's one-time password goes to the receiving side. `requestId` is a pending request from
 * 岳阳县 (approved first for issueTransferPassword).
 */
const transferMatrix: Array<{ action: string; approved?: boolean; input: (w: TransferWorld) => Record<string, unknown>; expect: Record<Who, TransferOutcome> }> = [
  {
    action: 'transferCollective',
    input: (w) => ({ code: w.collective.code, name: '岳阳市公交一路青年班组', toUnitId: w.units.bureau.id, reason: '归口到交通运输局' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'transferCollective',
    input: (w) => ({ code: w.collective.code, name: '岳阳市公交一路青年班组', toUnitId: w.units.county.id, reason: '应由地方归口' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'NOT_IN_SCOPE', adminOutOfScope: 'TRANSFER_NEEDS_APPROVAL', office: 'ok' },
  },
  {
    action: 'requestTransfer',
    input: (w) => ({ code: w.countyCollective.code, name: '岳阳县人民医院青年护理组', toUnitId: w.units.transport.id, reason: '应由交通归口' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'INVALID_STATE' },
  },
  {
    action: 'decideTransfer',
    input: (w) => ({ requestId: w.requestId, approve: true, comment: '同意转出' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    action: 'listTransferRequests',
    input: () => ({ side: 'incoming' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' },
  },
  {
    action: 'issueTransferPassword',
    approved: true,
    input: (w) => ({ requestId: w.requestId }),
    // The approval cancelled the collective's old account and ended its sessions.
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'SESSION_EXPIRED', admin3: 'FORBIDDEN', adminInScope: 'NOT_IN_SCOPE', adminOutOfScope: 'ok', office: 'ok' },
  },
];

describe('who may move a collective between units', () => {
  test.each(matrixCases<Who, TransferOutcome, (typeof transferMatrix)[number]>(transferMatrix))('review.$action by $who → $outcome', async ({ action, approved, input, who, outcome }) => {
    const app = new TestApp();
    try {
      const h = await seedHierarchy(app);
      const { request } = await app.ok('review', 'requestTransfer', { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: h.units.county.id, reason: '应由地方归口' }, h.countyAdmin1.caller);
      if (approved) await app.ok('review', 'decideTransfer', { requestId: request.id, approve: true, comment: '同意转出' }, h.admin1.caller);
      else if (action === 'transferCollective') await app.ok('review', 'decideTransfer', { requestId: request.id, approve: false, comment: '先直接调整' }, h.admin1.caller);
      await expectOutcome(app, () => app.call('review', action as never, input({ ...h, requestId: request.id }), callers[who](h)), outcome);
    } finally {
      await app.close();
    }
  });
});

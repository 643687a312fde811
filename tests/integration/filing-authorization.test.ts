import type { Caller } from '../../cloudfunctions/app/context';
import { TestApp } from '../support/harness';
import { expectOutcome, matrixCases } from '../support/authorization';
import { seedFiling, submitComplete } from '../support/filing';

type World = Awaited<ReturnType<typeof seedFiling>> & { filingId: string; version: number };
type Who = 'anonymous' | 'collective' | 'otherCollective' | 'admin3' | 'admin2' | 'admin1' | 'otherBranchAdmin1' | 'office';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_IN_SCOPE' | 'NOT_YOUR_STAGE';

const callers: Record<Who, (w: World) => Caller> = {
  anonymous: () => ({}),
  collective: (w) => w.collective.caller,
  otherCollective: (w) => w.countyCollective.caller,
  admin3: (w) => w.admin3.caller,
  admin2: (w) => w.admin2.caller,
  admin1: (w) => w.admin1.caller,
  otherBranchAdmin1: (w) => w.countyAdmin1.caller,
  office: (w) => w.office.caller,
};

/**
 * Each review action on the transport collective's filing (at 城区公交站, level 3), which waits at
 * stage `stage` when called. `otherBranchAdmin1` is 岳阳县's level-1 admin, one branch over.
 */
const matrix: Array<{ name: string; action: string; stage: 1 | 3; input: (w: World) => Record<string, unknown>; expect: Record<Who, Outcome> }> = [
  {
    name: 'getFiling',
    action: 'getFiling',
    stage: 3,
    input: (w) => ({ filingId: w.filingId }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'ok', admin2: 'ok', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    name: 'listQueue of the transport branch',
    action: 'listQueue',
    stage: 3,
    input: (w) => ({ campaignId: w.campaignId, unitId: w.units.transport.id }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'NOT_IN_SCOPE', admin2: 'NOT_IN_SCOPE', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    name: 'decide: approve at stage 1 (only the branch level-1 admin)',
    action: 'decide',
    stage: 1,
    input: (w) => ({ filingId: w.filingId, version: w.version, decision: 'approve', comment: '同意' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'NOT_YOUR_STAGE', admin2: 'NOT_YOUR_STAGE', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'FORBIDDEN' },
  },
  {
    name: 'decide: approve at stage 3 (a level-3 admin cannot approve)',
    action: 'decide',
    stage: 3,
    input: (w) => ({ filingId: w.filingId, version: w.version, decision: 'approve', comment: '同意' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'NOT_YOUR_STAGE', admin2: 'NOT_YOUR_STAGE', admin1: 'NOT_YOUR_STAGE', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'FORBIDDEN' },
  },
  {
    name: 'decide: pass up at stage 3',
    action: 'decide',
    stage: 3,
    input: (w) => ({ filingId: w.filingId, version: w.version, decision: 'passUp', comment: '同意报送' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'ok', admin2: 'NOT_YOUR_STAGE', admin1: 'NOT_YOUR_STAGE', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'FORBIDDEN' },
  },
  {
    name: 'requestRevocation',
    action: 'requestRevocation',
    stage: 3,
    input: (w) => ({ filingId: w.filingId, reasons: '发生重大事故' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'ok', admin2: 'ok', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    name: 'renameCollective',
    action: 'renameCollective',
    stage: 3,
    input: (w) => ({ collectiveId: w.collective.accountId, name: '岳阳市公交集团一路青年班组', reason: '更名' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'FORBIDDEN', admin2: 'FORBIDDEN', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    name: 'restructureCollective',
    action: 'restructureCollective',
    stage: 3,
    input: (w) => ({ collectiveId: w.collective.accountId, newName: '新班组', reason: '成员变动过半' }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'FORBIDDEN', admin2: 'FORBIDDEN', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'ok' },
  },
  {
    name: 'exportStatistics of the transport branch',
    action: 'exportStatistics',
    stage: 3,
    input: (w) => ({ campaignId: w.campaignId, unitId: w.units.transport.id }),
    expect: { anonymous: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'NOT_IN_SCOPE', admin2: 'NOT_IN_SCOPE', admin1: 'ok', otherBranchAdmin1: 'NOT_IN_SCOPE', office: 'ok' },
  },
];

async function world(app: TestApp, stage: 1 | 3): Promise<World> {
  const h = await seedFiling(app);
  let filing = await submitComplete(app, h.campaignId, h.collective.caller);
  if (stage === 1) {
    for (const who of [h.admin3, h.admin2]) {
      filing = (await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'passUp', comment: '同意' }, who.caller)).filing;
    }
  }
  return { ...h, filingId: filing.id, version: filing.version };
}

const cases = matrixCases<Who, Outcome, (typeof matrix)[number]>(matrix);

describe('who may act on a filing', () => {
  test.each(cases)('review.$name by $who → $outcome', async ({ action, stage, input, who, outcome }) => {
    const app = new TestApp();
    try {
      const w = await world(app, stage);
      await expectOutcome(app, () => app.call('review', action as never, input(w), callers[who](w)), outcome);
    } finally {
      await app.close();
    }
  });
});

describe("a collective's own side", () => {
  test('admins may not call the collective actions, and the office alone configures campaigns', async () => {
    const app = new TestApp();
    try {
      const w = await world(app, 3);
      const before = await app.snapshot();
      for (const who of [w.admin1, w.office]) {
        expect(await app.call('filing', 'getMine', {}, who.caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await app.call('filing', 'submit', { campaignId: w.campaignId, content: {} }, who.caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      const rules = { filingOpens: '2018-11-13', filingClosesBefore: '2019-01-20', minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40, eligibility: 'none' };
      expect(await app.call('campaign', 'createCampaign', { name: '测试创建工作', level: 'city', term: '2019—2020', rules }, w.admin1.caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await app.call('review', 'decideRevocation', { revocationId: 'x', approve: true, comment: '同意' }, w.admin1.caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await app.snapshot()).toEqual(before);
    } finally {
      await app.close();
    }
  });

  test('a collective cannot edit its filing once it is with the reviewers', async () => {
    const app = new TestApp();
    try {
      const w = await world(app, 3);
      const before = await app.snapshot();
      const edit = await app.call('filing', 'saveDraft', { campaignId: w.campaignId, content: { name: '改个名字' } }, w.collective.caller);
      expect(edit).toMatchObject({ ok: false, error: { code: 'FILING_NOT_EDITABLE' } });
      expect(await app.snapshot()).toEqual(before);
    } finally {
      await app.close();
    }
  });
});

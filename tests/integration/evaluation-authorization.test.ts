import { NO_RISK } from '../../cloudfunctions/app/ports/risk-control';
import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, TestApp } from '../support/harness';
import { expectOutcome, matrixCases } from '../support/authorization';
import { wechatVisitor } from '../support/evaluation';
import { firstCampaignId } from '../support/openweek';
import { PNG } from '../support/creationlog';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;
type Who = 'anonymous' | 'visitor' | 'collective' | 'otherCollective' | 'admin3' | 'adminInScope' | 'adminOutOfScope' | 'office';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_IN_SCOPE' | 'VISITOR_REQUIRED' | 'NOT_FOUND' | 'INVALID_STATE';

/**
 * Every action of the `evaluation` function, called by each kind of caller: nobody, a WeChat visitor, the
 * 公交一路 collective and the 岳阳县 one, the station's level-3 admin, the 交通 level-1 admin (in scope of the
 * 交通运输局 unit that complaint-channel rows target) and the 岳阳县 one (out of scope), and the office.
 * One product for the whole matrix: the calls that succeed are ones that may repeat.
 */
interface World {
  h: Hierarchy;
  code: string;
  campaignId: string;
  /** A 差评 of the 公交一路 collective awaiting its answer. */
  caseId: string;
  /** A risky rater's evaluation of it, held for the managing unit's review. */
  heldId: string;
  callers: Record<Who, Caller>;
}

const PUBLIC_ALL: Record<Who, Outcome> = {
  anonymous: 'ok', visitor: 'ok', collective: 'ok', otherCollective: 'ok', admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok',
};
/** Signed-in accounts over HTTP carry no visitor identity: evaluating is for the public as such. */
const VISITORS_ONLY: Record<Who, Outcome> = {
  anonymous: 'VISITOR_REQUIRED', visitor: 'ok', collective: 'VISITOR_REQUIRED', otherCollective: 'VISITOR_REQUIRED', admin3: 'VISITOR_REQUIRED', adminInScope: 'VISITOR_REQUIRED', adminOutOfScope: 'VISITOR_REQUIRED', office: 'VISITOR_REQUIRED',
};
const COLLECTIVES_ONLY: Record<Who, Outcome> = {
  anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'ok', otherCollective: 'ok', admin3: 'FORBIDDEN', adminInScope: 'FORBIDDEN', adminOutOfScope: 'FORBIDDEN', office: 'FORBIDDEN',
};
const ADMINS_IN_SCOPE: Record<Who, Outcome> = {
  anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'NOT_IN_SCOPE', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok',
};
const OFFICE_ONLY: Record<Who, Outcome> = {
  anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'FORBIDDEN', adminInScope: 'FORBIDDEN', adminOutOfScope: 'FORBIDDEN', office: 'ok',
};

const matrix: Array<{ action: string; input: (w: World, caller: Caller) => Record<string, unknown> | Promise<Record<string, unknown>>; expect: Record<Who, Outcome> }> = [
  { action: 'publicPage', input: (w) => ({ code: w.code }), expect: PUBLIC_ALL },
  { action: 'comments', input: (w) => ({ code: w.code }), expect: PUBLIC_ALL },
  { action: 'publicEntries', input: (w) => ({ code: w.code }), expect: PUBLIC_ALL },
  { action: 'evaluationForm', input: (w) => ({ code: w.code }), expect: VISITORS_ONLY },
  { action: 'evaluate', input: (w) => ({ code: w.code, rating: 4 }), expect: VISITORS_ONLY },
  { action: 'uploadPhoto', input: () => ({ contentType: 'image/png', base64: PNG.toString('base64') }), expect: VISITORS_ONLY },
  { action: 'myEvaluations', input: () => ({}), expect: VISITORS_ONLY },
  { action: 'collectiveEvaluations', input: () => ({}), expect: COLLECTIVES_ONLY },
  { action: 'ownPublicPage', input: () => ({}), expect: COLLECTIVES_ONLY },
  {
    action: 'updatePublicPage',
    // A collective edits the version it reads; whoever may not read one sends any.
    input: async (_w, caller) => {
      const own = await app.call('evaluation', 'ownPublicPage', {}, caller);
      return { commitment: '微笑服务', version: own.ok ? own.data.version : 1 };
    },
    expect: COLLECTIVES_ONLY,
  },
  { action: 'collectiveCases', input: () => ({}), expect: COLLECTIVES_ONLY },
  {
    action: 'replyToCase',
    input: (w) => ({ caseId: w.caseId, kind: 'explanation', text: '已回访评价人并说明情况' }),
    // Only the collective the 差评 is about may answer it; another's case is as unknown as a missing one.
    expect: { ...COLLECTIVES_ONLY, otherCollective: 'NOT_FOUND' },
  },
  // The matrix's visitor did not give the 差评: theirs only (the evaluator's own rating is in evaluation.test.ts).
  { action: 'rateHandling', input: (w) => ({ evaluationId: w.caseId, rating: 'satisfied' }), expect: { ...VISITORS_ONLY, visitor: 'NOT_FOUND' } },
  {
    action: 'escalatedCases',
    input: () => ({}),
    // Every admin reads their own subtree's queue (empty one branch over).
    expect: { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' },
  },
  {
    action: 'appeal',
    input: (w) => ({ evaluationId: w.caseId, ground: 'mistaken', reasons: '评价人并未到访本窗口，内容与本集体无关' }),
    expect: { ...COLLECTIVES_ONLY, otherCollective: 'NOT_FOUND' },
  },
  {
    action: 'appeals',
    input: () => ({}),
    expect: { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'ok', otherCollective: 'ok', admin3: 'FORBIDDEN', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' },
  },
  {
    action: 'decideAppeal',
    input: (w) => ({ appealId: w.caseId, uphold: false, comment: '理由不充分' }),
    // The branch's level-1 admin decides first; the office may decide too (evaluation.test.ts), but not twice.
    expect: { ...OFFICE_ONLY, adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'INVALID_STATE' },
  },
  { action: 'complaintChannel', input: (w) => ({ unitId: w.h.units.bureau.id }), expect: ADMINS_IN_SCOPE },
  { action: 'setComplaintChannel', input: (w) => ({ unitId: w.h.units.bureau.id, phone: '0730-1234567' }), expect: ADMINS_IN_SCOPE },
  // Every admin reads their own unit's statistics; another unit's only inside their subtree.
  { action: 'unitStatistics', input: (w) => ({ campaignId: w.campaignId }), expect: { ...ADMINS_IN_SCOPE, admin3: 'ok', adminOutOfScope: 'ok' } },
  { action: 'unitStatistics', input: (w) => ({ campaignId: w.campaignId, unitId: w.h.units.bureau.id }), expect: ADMINS_IN_SCOPE },
  { action: 'exportUnitStatistics', input: (w) => ({ campaignId: w.campaignId, unitId: w.h.units.bureau.id }), expect: ADMINS_IN_SCOPE },
  { action: 'aspectTags', input: (w) => ({ campaignId: w.campaignId }), expect: OFFICE_ONLY },
  { action: 'setAspectTags', input: (w) => ({ campaignId: w.campaignId, tags: ['服务态度', '办事效率'] }), expect: OFFICE_ONLY },
  { action: 'followUpPeriod', input: (w) => ({ campaignId: w.campaignId }), expect: OFFICE_ONLY },
  { action: 'setFollowUpPeriod', input: (w) => ({ campaignId: w.campaignId, workingDays: 7 }), expect: OFFICE_ONLY },
  {
    action: 'evaluationReviews',
    input: () => ({}),
    // Every admin reads their own subtree's queue (empty one branch over).
    expect: { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' },
  },
  {
    action: 'decideEvaluationReview',
    input: (w) => ({ evaluationId: w.heldId, count: false, reason: '疑似刷评' }),
    // The station's admin (its managing unit) decides first; the branch and the office may too, but not twice.
    expect: { ...ADMINS_IN_SCOPE, admin3: 'ok', adminInScope: 'INVALID_STATE', office: 'INVALID_STATE' },
  },
  {
    action: 'posterOf',
    input: (w) => ({ code: w.code }),
    // The collective's own poster, or one its admins print; another collective may not print it.
    expect: { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'ok', otherCollective: 'FORBIDDEN', admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' },
  },
];

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = new TestApp();
  const h = await seedHierarchy(app);
  const code = (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).collective.code;
  const negative = await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '等候太久' }, wechatVisitor(5));
  app.deps.riskControl = { rankOf: async () => 4 };
  const held = await app.ok('evaluation', 'evaluate', { code, rating: 2, comment: '服务一般' }, wechatVisitor(6));
  app.deps.riskControl = NO_RISK;
  world = {
    h,
    code,
    caseId: negative.evaluation.id,
    heldId: held.evaluation.id,
    campaignId: await firstCampaignId(app),
    callers: {
      anonymous: {},
      visitor: wechatVisitor(1),
      collective: h.collective.caller,
      otherCollective: h.countyCollective.caller,
      admin3: h.admin3.caller,
      adminInScope: h.admin1.caller,
      adminOutOfScope: h.countyAdmin1.caller,
      office: h.office.caller,
    },
  };
});
afterAll(() => app.close());

describe('who may call each evaluation action', () => {
  test.each(matrixCases<Who, Outcome, (typeof matrix)[number]>(matrix))('evaluation.$action by $who → $outcome', async ({ action, input, who, outcome }) => {
    const caller = world.callers[who];
    const data = await input(world, caller);
    await expectOutcome(app, () => app.call('evaluation', action as never, data, caller), outcome);
  });
});

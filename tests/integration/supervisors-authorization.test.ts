import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, TestApp } from '../support/harness';
import { expectOutcome, matrixCases } from '../support/authorization';
import { PNG } from '../support/creationlog';
import { wechatVisitor } from '../support/evaluation';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;
type Who = 'anonymous' | 'visitor' | 'supervisor' | 'collective' | 'admin3' | 'adminInScope' | 'adminOutOfScope' | 'office';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_IN_SCOPE' | 'VISITOR_REQUIRED';

/**
 * Every 监督查评 action, called by each kind of caller: nobody, a WeChat visitor who is no supervisor, the
 * supervisor the 交通运输局 appointed, the 公交一路 collective, the station's level-3 admin (below that unit),
 * the 交通 level-1 admin (above it: in scope), the 岳阳县 one (out of scope) and the office. Calls that
 * succeed and cannot repeat (a redemption, a revocation, a decision) get a fresh object each.
 */
interface World {
  h: Hierarchy;
  code: string;
  supervisorId: string;
  callers: Record<Who, Caller>;
}

const SUPERVISOR = wechatVisitor(6);
const REPORT = { visitDate: '2018-11-18', rating: 3, text: '窗口服务基本规范，高峰期等候略长。' };

const ACCOUNTS_ONLY = { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', supervisor: 'UNAUTHENTICATED', collective: 'FORBIDDEN' } as const;
const ADMINS_IN_SCOPE: Record<Who, Outcome> = { ...ACCOUNTS_ONLY, admin3: 'NOT_IN_SCOPE', adminInScope: 'ok', adminOutOfScope: 'NOT_IN_SCOPE', office: 'ok' };
/** Each admin reads their own subtree (empty one branch over, or below the appointing unit). */
const EVERY_ADMIN: Record<Who, Outcome> = { ...ACCOUNTS_ONLY, admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' };
/** Signed-in accounts over HTTP carry no visitor identity. */
const NO_VISITOR = { anonymous: 'VISITOR_REQUIRED', collective: 'VISITOR_REQUIRED', admin3: 'VISITOR_REQUIRED', adminInScope: 'VISITOR_REQUIRED', adminOutOfScope: 'VISITOR_REQUIRED', office: 'VISITOR_REQUIRED' } as const;
const VISITORS: Record<Who, Outcome> = { ...NO_VISITOR, visitor: 'ok', supervisor: 'ok' };
const SUPERVISORS: Record<Who, Outcome> = { ...NO_VISITOR, visitor: 'FORBIDDEN', supervisor: 'ok' };

let app: TestApp;
let world: World;

const appoint = () => app.ok('evaluation', 'appointSupervisor', { unitId: world.h.units.bureau.id, name: '李监督' }, world.h.admin1.caller);
const report = async () => (await app.ok('evaluation', 'fileReport', { supervisorId: world.supervisorId, code: world.code, ...REPORT }, SUPERVISOR)).report.id;

const matrix: Array<{ action: string; input: (w: World) => Record<string, unknown> | Promise<Record<string, unknown>>; expect: Record<Who, Outcome> }> = [
  { action: 'appointSupervisor', input: (w) => ({ unitId: w.h.units.bureau.id, name: '王监督' }), expect: ADMINS_IN_SCOPE },
  { action: 'unitSupervisors', input: () => ({}), expect: EVERY_ADMIN },
  { action: 'revokeSupervisor', input: async () => ({ supervisorId: (await appoint()).supervisor.id }), expect: ADMINS_IN_SCOPE },
  { action: 'redeemInvitation', input: async () => ({ code: (await appoint()).invitation.code }), expect: VISITORS },
  { action: 'mySupervision', input: (w) => ({ code: w.code }), expect: VISITORS },
  { action: 'uploadReportPhoto', input: (w) => ({ supervisorId: w.supervisorId, contentType: 'image/png', base64: PNG.toString('base64') }), expect: SUPERVISORS },
  { action: 'fileReport', input: (w) => ({ supervisorId: w.supervisorId, code: w.code, ...REPORT }), expect: SUPERVISORS },
  { action: 'myReports', input: () => ({}), expect: VISITORS },
  { action: 'unitReports', input: () => ({}), expect: EVERY_ADMIN },
  { action: 'forwardReport', input: async () => ({ reportId: await report() }), expect: ADMINS_IN_SCOPE },
  { action: 'declineReport', input: async () => ({ reportId: await report(), reason: '情况不实' }), expect: ADMINS_IN_SCOPE },
];

beforeAll(async () => {
  app = new TestApp({ limits: { supervisionReportsPerVisitor: { limit: 1000, windowSeconds: 86_400 } } });
  const h = await seedHierarchy(app);
  const code = (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).collective.code;
  world = { h, code, supervisorId: '', callers: { anonymous: {}, visitor: wechatVisitor(1), supervisor: SUPERVISOR, collective: h.collective.caller, admin3: h.admin3.caller, adminInScope: h.admin1.caller, adminOutOfScope: h.countyAdmin1.caller, office: h.office.caller } };
  const { supervisor, invitation } = await appoint();
  await app.ok('evaluation', 'redeemInvitation', { code: invitation.code }, SUPERVISOR);
  world.supervisorId = supervisor.id;
});
afterAll(() => app.close());

describe('who may call each 监督查评 action', () => {
  test.each(matrixCases<Who, Outcome, (typeof matrix)[number]>(matrix))('evaluation.$action by $who → $outcome', async ({ action, input, who, outcome }) => {
    const caller = world.callers[who];
    const data = await input(world);
    await expectOutcome(app, () => app.call('evaluation', action as never, data, caller), outcome);
  });
});

import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { ComplaintDoc } from '../../cloudfunctions/app/collections/evaluation';
import type { Caller } from '../../cloudfunctions/app/context';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { expectOutcome, matrixCases } from '../support/authorization';
import { filedCollectivePage, wechatVisitor } from '../support/evaluation';
import { seedFiling } from '../support/filing';
import { TestApp } from '../support/harness';

type World = Awaited<ReturnType<typeof seedFiling>>;

const PHONE = '13987654321';
const TEXT = '窗口工作人员在办理业务时态度冷淡，多次询问均不予理睬，等候近一小时。';

describe('投诉 (complaints) from the 三亮 page, handled by the managing unit', () => {
  let app: TestApp;
  let w: World;
  let code: string;
  const complain = (caller: Caller, extra: Record<string, unknown> = {}) => app.ok('evaluation', 'complain', { code, category: 'attitude', text: TEXT, ...extra }, caller);

  beforeEach(async () => {
    app = new TestApp();
    ({ w, code } = await filedCollectivePage(app));
  });
  afterEach(() => app.close());

  test('a complaint reaches the managing unit’s admins; its contact phone is theirs alone', async () => {
    const visitor = wechatVisitor(1);
    const { complaint } = await complain(visitor, { phone: PHONE });
    expect(complaint).toMatchObject({ categoryLabel: '服务态度', text: TEXT, status: 'pending', response: null, collective: { code, name: '岳阳市公交一路青年班组' } });

    // The station's admin (the collective's own unit) is told, and sees it with the phone, as do the branch and the office.
    expect((await app.mailbox()).map((m) => m.text).join('\n')).toContain('「岳阳市公交一路青年班组」收到一条投诉');
    for (const admin of [w.admin3, w.admin2, w.admin1, w.office]) {
      const { items } = await app.ok('evaluation', 'unitComplaints', {}, admin.caller);
      expect(items).toEqual([expect.objectContaining({ id: complaint.id, phone: PHONE, unitName: '城区公交站', overdue: false })]);
    }
    // Another branch's admin sees none.
    expect((await app.ok('evaluation', 'unitComplaints', {}, w.countyAdmin1.caller)).items).toEqual([]);

    // Nothing the collective, the public or the complainant reads carries the phone.
    const views = [
      await app.ok('evaluation', 'publicPage', { code }),
      await app.ok('evaluation', 'comments', { code }),
      await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller),
      await app.ok('evaluation', 'ownPublicPage', {}, w.collective.caller),
      await app.ok('evaluation', 'collectiveCases', {}, w.collective.caller),
      await app.ok('evaluation', 'myComplaints', {}, visitor),
    ];
    for (const view of views) expect(JSON.stringify(view)).not.toContain(PHONE);
    expect((await app.ok('evaluation', 'myComplaints', {}, visitor)).items).toEqual([expect.objectContaining({ id: complaint.id, text: TEXT })]);
    expect((await app.ok('evaluation', 'myComplaints', {}, wechatVisitor(2))).items).toEqual([]);
  });

  test('the unit finds it 属实 and asks for rectification: the collective is told, the complainant reads the response, every step is audited', async () => {
    const visitor = wechatVisitor(1);
    const { complaint } = await complain(visitor, { phone: PHONE });
    const responded = await app.ok('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'upheld', text: '经核实情况属实，已约谈班组负责人。', rectificationRequest: '高峰期增开服务窗口并公示等候时间' }, w.admin3.caller);
    expect(responded.complaint).toMatchObject({ status: 'responded', respondedOnTime: true, response: { verdict: 'upheld', verdictLabel: '核实属实', rectificationRequest: '高峰期增开服务窗口并公示等候时间', rectification: null } });
    expect((await app.mailbox()).map((m) => m.text).join('\n')).toContain('请整改：高峰期增开服务窗口并公示等候时间');

    await expectOutcome(app, () => app.call('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'rejected', text: '再答复一次试试' }, w.admin1.caller), 'INVALID_STATE');
    const recorded = await app.ok('evaluation', 'recordRectification', { complaintId: complaint.id, text: '已增开两个窗口，等候时间公示上墙。' }, w.admin1.caller);
    expect(recorded.complaint.response?.rectification?.text).toBe('已增开两个窗口，等候时间公示上墙。');
    await expectOutcome(app, () => app.call('evaluation', 'recordRectification', { complaintId: complaint.id, text: '第二次记录整改' }, w.admin1.caller), 'INVALID_STATE');

    const mine = (await app.ok('evaluation', 'myComplaints', {}, visitor)).items[0];
    expect(mine.response).toMatchObject({ verdictLabel: '核实属实', text: '经核实情况属实，已约谈班组负责人。', rectification: { text: '已增开两个窗口，等候时间公示上墙。' } });
    expect((await app.ok('evaluation', 'unitComplaints', { status: 'responded' }, w.admin1.caller)).items.map((c) => c.id)).toEqual([complaint.id]);
    expect((await app.ok('evaluation', 'unitComplaints', {}, w.admin1.caller)).items).toEqual([]);

    const audit = (await findAll<AuditDoc>(app.store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } })).filter((a) => a.action.includes('Complaint') || a.action === 'evaluation.recordRectification');
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([
      ['evaluation.upholdComplaint', '公交站三级管理员'],
      ['evaluation.recordRectification', '交通行业一级管理员'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${PHONE}|o-evaluator`));
  });

  test('不属实 takes no rectification request; a refused text or a request on it writes nothing and names the field', async () => {
    const { complaint } = await complain(wechatVisitor(1));
    const before = await app.snapshot();
    expect(await app.call('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'rejected', text: '经调取监控，情况不属实。', rectificationRequest: '整改' }, w.admin3.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { rectificationRequest: '整改要求：只有核实属实的投诉才能要求整改' } },
    });
    expect(await app.call('evaluation', 'complain', { code, category: 'other', text: '这里的人都是傻 逼，太差劲了' }, wechatVisitor(2))).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', fields: { text: '投诉内容：含有不宜公开的信息，请修改后再提交' } },
    });
    expect(await app.call('evaluation', 'complain', { code, category: 'other', text: '短' }, wechatVisitor(2))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { text: expect.stringContaining('投诉内容') } } });
    expect(await app.call('evaluation', 'complain', { code, category: 'other', text: '长'.repeat(501) }, wechatVisitor(2))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { text: expect.stringContaining('500') } } });
    expect(await app.snapshot()).toEqual(before);
    const { complaint: rejected } = await app.ok('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'rejected', text: '经调取监控，情况不属实。' }, w.admin3.caller);
    expect(rejected.response).toMatchObject({ verdictLabel: '核实不属实', rectificationRequest: null });
    await expectOutcome(app, () => app.call('evaluation', 'recordRectification', { complaintId: complaint.id, text: '无需整改的记录' }, w.admin3.caller), 'INVALID_STATE');
  });

  test('a visitor files five complaints a day; the sixth is refused for a while', async () => {
    const visitor = wechatVisitor(1);
    for (let i = 0; i < 5; i++) await complain(visitor);
    expect(await app.call('evaluation', 'complain', { code, category: 'attitude', text: TEXT }, visitor)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await complain(wechatVisitor(2));
  });

  test('item 11 of the 考评 shows the upheld complaints about the branch’s collectives, equal to the records', async () => {
    const roundId = (await app.ok('management', 'openAssessment', { campaignId: w.campaignId }, w.office.caller)).round.id;
    const filed: string[] = [];
    for (const n of [1, 2, 3, 4]) filed.push((await complain(wechatVisitor(n))).complaint.id);
    await app.ok('evaluation', 'respondToComplaint', { complaintId: filed[0], verdict: 'upheld', text: '经核实属实，已责令整改。' }, w.admin3.caller);
    await app.ok('evaluation', 'respondToComplaint', { complaintId: filed[1], verdict: 'rejected', text: '经核实不属实。' }, w.admin3.caller);
    // Ten days on: past the five working days, so this upheld one came late.
    app.advance(10 * 24 * 3600);
    const signIn = async (who: { code: string; password: string }): Promise<Caller> => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });
    const admin1 = await signIn(w.admin1);
    const [late] = (await app.ok('evaluation', 'unitComplaints', {}, admin1)).items.filter((c) => c.id === filed[2]);
    expect(late.overdue).toBe(true);
    const done = await app.ok('evaluation', 'respondToComplaint', { complaintId: filed[2], verdict: 'upheld', text: '经核实属实，已责令整改。' }, admin1);
    expect(done.complaint.respondedOnTime).toBe(false);

    const item11 = async (caller: Caller) => (await app.ok('management', 'assessmentSheet', { roundId }, caller)).sheet.evidence.items.find((i) => i.no === 11);
    const shown = await item11(admin1);
    expect(shown?.facts.map((f) => [f.label, f.value])).toEqual([['辖区集体经核实属实的投诉', 2], ['辖区集体收到的投诉', 4], ['按期答复的投诉', 2]]);
    const records = (await findAll<ComplaintDoc>(app.store, 'complaints', { orderBy: { fields: ['createdAt'], direction: 'asc' } })).filter((c) => c.unitL1 === w.units.transport.id && c.campaignId === w.campaignId);
    expect(shown?.facts.map((f) => f.value)).toEqual([records.filter((c) => c.verdict === 'upheld').length, records.length, records.filter((c) => c.respondedOnTime).length]);
    expect((await item11(await signIn(w.countyAdmin1)))?.facts.map((f) => f.value)).toEqual([0, 0, 0]);
  });
});

type Who = 'anonymous' | 'visitor' | 'collective' | 'admin3' | 'adminInScope' | 'adminOutOfScope' | 'office';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_IN_SCOPE' | 'VISITOR_REQUIRED' | 'INVALID_STATE';
interface Matrix {
  w: World;
  code: string;
  /** Pending, for the responses; upheld already, for the rectification. */
  pending: string;
  upheld: string;
  /** Upheld with a 整改要求, for the collective's report; and one it reported, for the unit's review. */
  requested: string;
  reported: string;
  callers: Record<Who, Caller>;
}
const ADMINS_ALL: Record<Who, Outcome> = { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'FORBIDDEN', admin3: 'ok', adminInScope: 'ok', adminOutOfScope: 'ok', office: 'ok' };
const VISITORS: Record<Who, Outcome> = { anonymous: 'VISITOR_REQUIRED', visitor: 'ok', collective: 'VISITOR_REQUIRED', admin3: 'VISITOR_REQUIRED', adminInScope: 'VISITOR_REQUIRED', adminOutOfScope: 'VISITOR_REQUIRED', office: 'VISITOR_REQUIRED' };
/** The station's admin answers first; the others in scope then find it answered, the other branch may not touch it. */
const ONCE_IN_SCOPE: Record<Who, Outcome> = { ...ADMINS_ALL, admin3: 'ok', adminInScope: 'INVALID_STATE', adminOutOfScope: 'NOT_IN_SCOPE', office: 'INVALID_STATE' };
const COLLECTIVE_ONLY: Record<Who, Outcome> = { anonymous: 'UNAUTHENTICATED', visitor: 'UNAUTHENTICATED', collective: 'ok', admin3: 'FORBIDDEN', adminInScope: 'FORBIDDEN', adminOutOfScope: 'FORBIDDEN', office: 'FORBIDDEN' };
const rows: Array<{ action: string; input: (m: Matrix) => Record<string, unknown>; expect: Record<Who, Outcome> }> = [
  { action: 'complain', input: (m) => ({ code: m.code, category: 'efficiency', text: TEXT }), expect: VISITORS },
  { action: 'myComplaints', input: () => ({}), expect: VISITORS },
  { action: 'unitComplaints', input: () => ({}), expect: ADMINS_ALL },
  { action: 'respondToComplaint', input: (m) => ({ complaintId: m.pending, verdict: 'upheld', text: '经核实情况属实。' }), expect: ONCE_IN_SCOPE },
  { action: 'recordRectification', input: (m) => ({ complaintId: m.upheld, text: '已完成整改并回访。' }), expect: ONCE_IN_SCOPE },
  { action: 'collectiveComplaints', input: () => ({}), expect: COLLECTIVE_ONLY },
  { action: 'rectifyComplaint', input: (m) => ({ complaintId: m.requested, text: '已增开窗口并公示等候时间。' }), expect: COLLECTIVE_ONLY },
  { action: 'reviewComplaintRectification', input: (m) => ({ complaintId: m.reported, confirm: true }), expect: ONCE_IN_SCOPE },
];

describe('who may call each complaint action', () => {
  let app: TestApp;
  let m: Matrix;
  beforeAll(async () => {
    app = new TestApp();
    const w = await seedFiling(app);
    const code = (await app.ok('evaluation', 'publicPage', { collectiveId: w.collective.accountId })).collective.code;
    const file = async (n: number) => (await app.ok('evaluation', 'complain', { code, category: 'other', text: TEXT }, wechatVisitor(n))).complaint.id;
    const pending = await file(7);
    const upheld = await file(8);
    await app.ok('evaluation', 'respondToComplaint', { complaintId: upheld, verdict: 'upheld', text: '经核实情况属实。' }, w.office.caller);
    const [requested, reported] = [await file(9), await file(10)];
    for (const id of [requested, reported]) await app.ok('evaluation', 'respondToComplaint', { complaintId: id, verdict: 'upheld', text: '经核实情况属实。', rectificationRequest: '公示等候时间' }, w.office.caller);
    await app.ok('evaluation', 'rectifyComplaint', { complaintId: reported, text: '已公示等候时间。' }, w.collective.caller);
    m = {
      w,
      code,
      pending,
      upheld,
      requested,
      reported,
      callers: { anonymous: {}, visitor: wechatVisitor(1), collective: w.collective.caller, admin3: w.admin3.caller, adminInScope: w.admin1.caller, adminOutOfScope: w.countyAdmin1.caller, office: w.office.caller },
    };
  });
  afterAll(() => app.close());

  test.each(matrixCases<Who, Outcome, (typeof rows)[number]>(rows))('evaluation.$action by $who → $outcome', async ({ action, input, who, outcome }) => {
    await expectOutcome(app, () => app.call('evaluation', action as never, input(m), m.callers[who]), outcome);
  });
});

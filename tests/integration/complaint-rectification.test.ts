import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { ComplaintDoc } from '../../cloudfunctions/app/collections/evaluation';
import { upgradeComplaintFields } from '../../cloudfunctions/app/jobs/complaint-escalation';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { expectOutcome } from '../support/authorization';
import { COMPLAINT_TEXT, filedCollectivePage, wechatVisitor } from '../support/evaluation';
import { seedFiling } from '../support/filing';
import { TestApp } from '../support/harness';

type World = Awaited<ReturnType<typeof seedFiling>>;

const PHONE = '13987654321';

describe('the collective records its own rectification of an upheld complaint; the managing unit confirms or returns it', () => {
  let app: TestApp;
  let w: World;
  let code: string;

  beforeEach(async () => {
    app = new TestApp();
    ({ w, code } = await filedCollectivePage(app));
  });
  afterEach(() => app.close());

  const upheld = async (rectificationRequest?: string) => {
    const { complaint } = await app.ok('evaluation', 'complain', { code, category: 'attitude', text: COMPLAINT_TEXT, phone: PHONE }, wechatVisitor(1));
    await app.ok('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'upheld', text: '经核实情况属实，已约谈。', ...(rectificationRequest ? { rectificationRequest } : {}) }, w.admin3.caller);
    return complaint.id;
  };
  const mine = async () => (await app.ok('evaluation', 'collectiveComplaints', {}, w.collective.caller)).items;
  const told = async (topic: string) => (await app.mailbox()).filter((m) => m.subject.startsWith(`[${topic}]`)).map((m) => [m.to, m.text]);

  test('the collective sees the request (not the complaint or its writer), reports; returned, it reports again; confirmed, the complainant reads it', async () => {
    const id = await upheld('高峰期增开服务窗口');
    await upheld();
    // Only the complaint that asks for rectification is the collective's to answer.
    const [listed, ...others] = await mine();
    expect(others).toEqual([]);
    expect(listed).toMatchObject({ id, categoryLabel: '服务态度', response: { rectificationRequest: '高峰期增开服务窗口', rectification: null }, collectiveRectification: null });
    expect(JSON.stringify(listed)).not.toMatch(new RegExp(`${PHONE}|${COMPLAINT_TEXT}|o-evaluator`));

    const first = await app.ok('evaluation', 'rectifyComplaint', { complaintId: id, text: '已增开一个窗口。' }, w.collective.caller);
    expect(first.complaint.collectiveRectification).toMatchObject({ text: '已增开一个窗口。', state: 'submitted', stateLabel: '待管理单位确认', review: null });
    expect(await told('complaintRectified')).toEqual([[`微信 account:${w.admin3.accountId}`, '「岳阳市公交一路青年班组」报告了一条属实投诉的整改情况，请确认。\n打开：admin/evaluation/complaints']]);
    await expectOutcome(app, () => app.call('evaluation', 'rectifyComplaint', { complaintId: id, text: '再报告一次试试。' }, w.collective.caller), 'INVALID_STATE');
    // While the collective's report waits, the unit confirms or returns it rather than recording its own.
    await expectOutcome(app, () => app.call('evaluation', 'recordRectification', { complaintId: id, text: '单位自行记录整改。' }, w.admin1.caller), 'INVALID_STATE');

    const returned = await app.ok('evaluation', 'reviewComplaintRectification', { complaintId: id, confirm: false, comment: '请说明高峰时段' }, w.admin1.caller);
    expect(returned.complaint.collectiveRectification).toMatchObject({ state: 'returned', review: { comment: '请说明高峰时段', byName: '交通行业一级管理员' } });
    expect(await told('complaintRectification')).toContainEqual([`微信 account:${w.collective.accountId}`, '管理单位退回了整改情况：请说明高峰时段\n打开：collective/public/complaints']);
    expect((await app.ok('evaluation', 'myComplaints', {}, wechatVisitor(1))).items.find((c) => c.id === id)?.response?.rectification).toBeNull();

    await app.ok('evaluation', 'rectifyComplaint', { complaintId: id, text: '工作日7:00—9:00增开两个窗口，已公示。' }, w.collective.caller);
    const confirmed = await app.ok('evaluation', 'reviewComplaintRectification', { complaintId: id, confirm: true }, w.admin3.caller);
    expect(confirmed.complaint).toMatchObject({ response: { rectification: { text: '工作日7:00—9:00增开两个窗口，已公示。' } }, collectiveRectification: { state: 'confirmed', stateLabel: '管理单位已确认' } });
    expect((await app.ok('evaluation', 'myComplaints', {}, wechatVisitor(1))).items.find((c) => c.id === id)?.response?.rectification?.text).toBe('工作日7:00—9:00增开两个窗口，已公示。');
    await expectOutcome(app, () => app.call('evaluation', 'reviewComplaintRectification', { complaintId: id, confirm: false, comment: '再退回' }, w.admin1.caller), 'INVALID_STATE');
    await expectOutcome(app, () => app.call('evaluation', 'rectifyComplaint', { complaintId: id, text: '确认后再报告。' }, w.collective.caller), 'INVALID_STATE');

    const audit = (await findAll<AuditDoc>(app.store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } })).filter((a) => a.action.endsWith('Rectification') || a.action === 'evaluation.rectifyComplaint');
    expect(audit.map((a) => [a.action, a.actorId, a.reason ?? null])).toEqual([
      ['evaluation.rectifyComplaint', w.collective.accountId, null],
      ['evaluation.returnRectification', w.admin1.accountId, '请说明高峰时段'],
      ['evaluation.rectifyComplaint', w.collective.accountId, null],
      ['evaluation.confirmRectification', w.admin3.accountId, null],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${PHONE}|o-evaluator`));
  });

  test('refusals write nothing: another collective, no request, a return without a reason, another branch, a refused text', async () => {
    const id = await upheld('公示等候时间');
    const without = await upheld();
    const before = await app.snapshot();
    await expectOutcome(app, () => app.call('evaluation', 'rectifyComplaint', { complaintId: id, text: '别的集体来报告。' }, w.countyCollective.caller), 'NOT_FOUND');
    await expectOutcome(app, () => app.call('evaluation', 'rectifyComplaint', { complaintId: without, text: '没要求也报告。' }, w.collective.caller), 'NOT_FOUND');
    expect(await app.call('evaluation', 'rectifyComplaint', { complaintId: id, text: '办证刻章请联系我们' }, w.collective.caller)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { text: '整改情况：含有不宜公开的信息，请修改后再提交' } } });
    await expectOutcome(app, () => app.call('evaluation', 'reviewComplaintRectification', { complaintId: id, confirm: true }, w.admin3.caller), 'INVALID_STATE');
    expect(await app.snapshot()).toEqual(before);

    await app.ok('evaluation', 'rectifyComplaint', { complaintId: id, text: '已公示等候时间。' }, w.collective.caller);
    const reported = await app.snapshot();
    expect(await app.call('evaluation', 'reviewComplaintRectification', { complaintId: id, confirm: false }, w.admin3.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { comment: '退回原因：请填写' } } });
    await expectOutcome(app, () => app.call('evaluation', 'reviewComplaintRectification', { complaintId: id, confirm: true }, w.countyAdmin1.caller), 'NOT_IN_SCOPE');
    expect(await app.snapshot()).toEqual(reported);
  });

  test('older upheld complaints with a request reach the collective’s list through the data upgrade', async () => {
    const id = await upheld('公示等候时间');
    const doc = (await app.store.get<ComplaintDoc>('complaints', id))!;
    const { escalation: _e, escalateAt: _a, rectificationRequested: _r, collectiveRectification: _c, ...older } = doc;
    await app.store.insert('complaints', { ...older, id: 'older-complaint' });
    expect((await mine()).map((c) => c.id)).toEqual([id]);
    await upgradeComplaintFields(app.deps);
    expect((await mine()).map((c) => c.id).sort()).toEqual([id, 'older-complaint'].sort());
  });
});

import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { ComplaintDoc } from '../../cloudfunctions/app/collections/evaluation';
import { escalateOverdueComplaints, upgradeComplaintFields } from '../../cloudfunctions/app/jobs/complaint-escalation';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { COMPLAINT_TEXT, filedCollectivePage, wechatVisitor } from '../support/evaluation';
import { seedFiling } from '../support/filing';
import { TestApp, type SignedIn } from '../support/harness';
import type { Caller } from '../../cloudfunctions/app/context';

type World = Awaited<ReturnType<typeof seedFiling>>;

// Filed Tuesday 20 November 2018, 10:00 China time: due by the end of Tuesday 27th (5 working days).
const LAST_MINUTE = new Date('2018-11-27T15:59:00.000Z');
const LATE = new Date('2018-11-27T16:00:00.000Z');
// Two working days after the last day allowed: the end of Thursday 29th.
const LAST_MINUTE_BEFORE_LEVEL1 = new Date('2018-11-29T15:59:00.000Z');
const LEVEL1 = new Date('2018-11-29T16:00:00.000Z');

describe('overdue complaints are chased, then sent to the level-1 unit', () => {
  let app: TestApp;
  let w: World;
  let code: string;

  beforeEach(async () => {
    app = new TestApp();
    ({ w, code } = await filedCollectivePage(app));
  });
  afterEach(() => app.close());

  // Sessions expire while the clock runs on for days: each call signs in afresh.
  const signIn = async (who: SignedIn): Promise<Caller> => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });
  const complain = async () => (await app.ok('evaluation', 'complain', { code, category: 'attitude', text: COMPLAINT_TEXT }, wechatVisitor(1))).complaint;
  const told = async (topic: string) => (await app.mailbox()).filter((m) => m.subject.startsWith(`[${topic}]`)).map((m) => [m.to, m.text]);
  const inQueue = async () => (await app.ok('evaluation', 'unitComplaints', {}, await signIn(w.admin1))).items[0];

  test('nothing moves through the last minute of the deadline; then the unit is told once, and two working days on the level-1 unit once', async () => {
    const complaint = await complain();
    app.clock = LAST_MINUTE;
    expect(await escalateOverdueComplaints(app.deps)).toBe(0);
    expect(await inQueue()).toMatchObject({ overdue: false, escalation: 'none', escalationLabel: '' });

    app.clock = LATE;
    expect(await escalateOverdueComplaints(app.deps)).toBe(1);
    expect(await escalateOverdueComplaints(app.deps)).toBe(0);
    // The collective's own unit (城区公交站) has an admin: they are the managing unit told.
    expect(await told('complaintOverdue')).toEqual([[`微信 account:${w.admin3.accountId}`, '「岳阳市公交一路青年班组」的一条投诉已过答复期限，请尽快核实答复。\n打开：admin/evaluation/complaints']]);
    expect(await inQueue()).toMatchObject({ id: complaint.id, overdue: true, escalation: 'chased', escalationLabel: '逾期已催办' });

    app.clock = LAST_MINUTE_BEFORE_LEVEL1;
    expect(await escalateOverdueComplaints(app.deps)).toBe(0);
    app.clock = LEVEL1;
    expect(await escalateOverdueComplaints(app.deps)).toBe(1);
    expect(await escalateOverdueComplaints(app.deps)).toBe(0);
    expect(await told('complaintEscalated')).toEqual([[`微信 account:${w.admin1.accountId}`, '「岳阳市公交一路青年班组」的一条投诉逾期2个工作日仍未答复，已转本单位督办。\n打开：admin/evaluation/complaints']]);
    expect(await told('complaintOverdue')).toHaveLength(1);
    expect(await inQueue()).toMatchObject({ escalation: 'escalated', escalationLabel: '逾期已转一级单位督办' });

    const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { actorKind: 'system' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(audits.filter((a) => a.action.endsWith('Complaint')).map((a) => [a.action, a.after])).toEqual([
      ['evaluation.chaseComplaint', { complaintId: complaint.id, escalation: 'chased', level1UnitId: w.units.transport.id }],
      ['evaluation.escalateComplaint', { complaintId: complaint.id, escalation: 'escalated', level1UnitId: w.units.transport.id }],
    ]);
    expect(JSON.stringify(audits)).not.toContain('o-evaluator');

    // A late response still lands, and the job leaves the complaint alone afterwards.
    await app.ok('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'rejected', text: '经核实情况不属实。' }, await signIn(w.admin1));
    app.advance(60 * 24 * 30);
    expect(await escalateOverdueComplaints(app.deps)).toBe(0);
  });

  test('a response in time is never chased; one after the chase is never sent to the level-1 unit', async () => {
    const early = await complain();
    const chased = await complain();
    await app.ok('evaluation', 'respondToComplaint', { complaintId: early.id, verdict: 'upheld', text: '经核实情况属实，已约谈。' }, await signIn(w.admin3));
    app.clock = LATE;
    expect(await escalateOverdueComplaints(app.deps)).toBe(1);
    await app.ok('evaluation', 'respondToComplaint', { complaintId: chased.id, verdict: 'upheld', text: '经核实情况属实，已约谈。' }, await signIn(w.admin3));
    app.clock = LEVEL1;
    expect(await escalateOverdueComplaints(app.deps)).toBe(0);
    expect(await told('complaintEscalated')).toEqual([]);
    const docs = await findAll<ComplaintDoc>(app.store, 'complaints', { orderBy: { fields: ['createdAt'], direction: 'asc' } });
    expect(Object.fromEntries(docs.map((d) => [d.id, d.escalation]))).toEqual({ [early.id]: 'none', [chased.id]: 'chased' });
  });

  test('complaints filed before the job get its step once by the data upgrade, and are then chased', async () => {
    const filed = await complain();
    const doc = (await app.store.get<ComplaintDoc>('complaints', filed.id))!;
    const { escalation: _escalation, escalateAt: _escalateAt, ...older } = doc;
    await app.store.insert('complaints', { ...older, id: 'older-complaint' });
    expect(await upgradeComplaintFields(app.deps)).toBe(1);
    expect(await upgradeComplaintFields(app.deps)).toBe(0);
    app.clock = LATE;
    expect(await escalateOverdueComplaints(app.deps)).toBe(2);
  });
});

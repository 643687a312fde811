import type { AuditDoc } from '../../cloudfunctions/app/collections';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { COMPLAINT_TEXT, filedCollectivePage, wechatVisitor } from '../support/evaluation';
import { seedFiling } from '../support/filing';
import { TestApp } from '../support/harness';

type World = Awaited<ReturnType<typeof seedFiling>>;

// The clock stands at Tuesday 20 November 2018, 10:00 China time.
const FIVE_WORKING_DAYS = '2018-11-27T16:00:00.000Z'; // the end of Tuesday 27th
const TEN_WORKING_DAYS = '2018-12-04T16:00:00.000Z'; // the end of Tuesday 4 December
const ONE_WORKING_DAY = '2018-11-21T16:00:00.000Z';

describe('the follow-up period is a campaign setting', () => {
  let app: TestApp;
  let w: World;
  let code: string;

  beforeEach(async () => {
    app = new TestApp();
    ({ w, code } = await filedCollectivePage(app));
  });
  afterEach(() => app.close());

  const negative = (n: number) => app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '等候太久' }, wechatVisitor(n));
  const complaint = (n: number) => app.ok('evaluation', 'complain', { code, category: 'attitude', text: COMPLAINT_TEXT }, wechatVisitor(n));
  const caseDue = async (evaluationId: string) => (await app.ok('evaluation', 'collectiveCases', {}, w.collective.caller)).items.find((c) => c.id === evaluationId)?.dueAt;
  const complaintDue = async (id: string) => (await app.ok('evaluation', 'unitComplaints', {}, w.admin1.caller)).items.find((c) => c.id === id)?.dueAt;

  test('without a setting it is 5 working days; the office’s period applies to new cases and complaints, existing ones keep their deadline', async () => {
    expect(await app.ok('evaluation', 'followUpPeriod', { campaignId: w.campaignId }, w.office.caller)).toEqual({ campaignId: w.campaignId, workingDays: 5, isDefault: true });
    const before = { evaluation: (await negative(1)).evaluation, complaint: (await complaint(1)).complaint };
    expect(await caseDue(before.evaluation.id)).toBe(FIVE_WORKING_DAYS);
    expect(await complaintDue(before.complaint.id)).toBe(FIVE_WORKING_DAYS);

    expect(await app.ok('evaluation', 'setFollowUpPeriod', { campaignId: w.campaignId, workingDays: 10 }, w.office.caller)).toEqual({ campaignId: w.campaignId, workingDays: 10, isDefault: false });
    expect(await app.ok('evaluation', 'followUpPeriod', { campaignId: w.campaignId }, w.office.caller)).toMatchObject({ workingDays: 10, isDefault: false });
    const after = { evaluation: (await negative(2)).evaluation, complaint: (await complaint(2)).complaint };
    expect(await caseDue(after.evaluation.id)).toBe(TEN_WORKING_DAYS);
    expect(await complaintDue(after.complaint.id)).toBe(TEN_WORKING_DAYS);
    expect(await caseDue(before.evaluation.id)).toBe(FIVE_WORKING_DAYS);
    expect(await complaintDue(before.complaint.id)).toBe(FIVE_WORKING_DAYS);

    // The campaign's aspect tags are a separate setting of the same campaign: neither overwrites the other.
    await app.ok('evaluation', 'setAspectTags', { campaignId: w.campaignId, tags: ['讲解清楚'] }, w.office.caller);
    await app.ok('evaluation', 'setFollowUpPeriod', { campaignId: w.campaignId, workingDays: 1 }, w.office.caller);
    expect(await app.ok('evaluation', 'aspectTags', { campaignId: w.campaignId }, w.office.caller)).toMatchObject({ tags: ['讲解清楚'], isDefault: false });
    expect(await caseDue((await negative(3)).evaluation.id)).toBe(ONE_WORKING_DAY);

    const audit = (await findAll<AuditDoc>(app.store, 'audit', { orderBy: { fields: ['at'], direction: 'asc' } })).filter((a) => a.action === 'evaluation.setFollowUpPeriod');
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [w.office.accountId, { workingDays: 5 }, { workingDays: 10 }],
      [w.office.accountId, { workingDays: 10 }, { workingDays: 1 }],
    ]);
  });

  test('a period outside 1–30 working days is refused at the field and writes nothing', async () => {
    const before = await app.snapshot();
    for (const [workingDays, message] of [[0, '回访期限：至少1个工作日'], [31, '回访期限：最多30个工作日'], [2.5, '回访期限：请填写整数']] as const) {
      expect(await app.call('evaluation', 'setFollowUpPeriod', { campaignId: w.campaignId, workingDays }, w.office.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { workingDays: message } } });
    }
    expect(await app.call('evaluation', 'setFollowUpPeriod', { campaignId: 'no-such-campaign', workingDays: 7 }, w.office.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.snapshot()).toEqual(before);
  });
});

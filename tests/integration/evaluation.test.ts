import type { Caller } from '../../cloudfunctions/app/context';
import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { EvaluationDoc } from '../../cloudfunctions/app/collections/evaluation';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { escalateOverdueCases } from '../../cloudfunctions/app/jobs/evaluation-escalation';
import { seedHierarchy, TestApp } from '../support/harness';
import { checkedInSignup, wechatVisitor } from '../support/evaluation';
import { firstCampaignId } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

describe('社会评价 and the 三亮 page', () => {
  let app: TestApp;
  let h: Hierarchy;
  const page = (collectiveId: string) => app.ok('evaluation', 'publicPage', { collectiveId });
  const codeOf = async () => (await page(h.collective.accountId)).collective.code;

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
  });
  afterEach(() => app.close());

  test('a visitor rates the service they checked in to once; the 三亮 page counts it and shows the comment', async () => {
    const visitor = wechatVisitor(1);
    const { signupId } = await checkedInSignup(app, h, visitor);
    const form = await app.ok('evaluation', 'evaluationForm', { signupId }, visitor);
    expect(form).toMatchObject({ channel: 'perService', eventTitle: '公交调度中心开放日', collective: { name: '岳阳市公交一路青年班组' }, existing: null });
    expect(form.tags).toContain('服务态度');

    const done = await app.ok('evaluation', 'evaluate', { signupId, rating: 2, tags: ['服务态度'], comment: '等候时间太长，工作人员态度一般' }, visitor);
    expect(done).toMatchObject({ replaced: false, evaluation: { rating: 2, ratingLabel: '不满意', channel: 'perService', source: 'wechat', commentState: 'shown', changed: false } });

    const shown = await page(h.collective.accountId);
    expect(shown.summary).toMatchObject({ satisfactionRate: 0, counted: 1, negative: 1, web: { count: 0 } });
    expect(shown.summary.levels.find((l) => l.label === '不满意')?.count).toBe(1);
    expect(shown.comments.items).toEqual([expect.objectContaining({ rating: 2, comment: '等候时间太长，工作人员态度一般', tags: ['服务态度'] })]);

    const before = await app.snapshot();
    expect(await app.call('evaluation', 'evaluate', { signupId, rating: 5 }, visitor)).toMatchObject({ ok: false, error: { code: 'ALREADY_EVALUATED' } });
    expect(await app.snapshot()).toEqual(before);
    expect((await app.ok('evaluation', 'evaluationForm', { signupId }, visitor)).existing).toMatchObject({ rating: 2 });
  });

  test('a signup is evaluated only after check-in, and only by the visitor who made it', async () => {
    const visitor = wechatVisitor(1);
    const campaignId = await firstCampaignId(app);
    const { eventFields } = await import('../support/openweek');
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), campaignId), h.collective.caller);
    await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller);
    const { signup } = await app.ok('openweek', 'signUp', { eventId: draft.event.id, name: '张三', phone: '13812345678', privacyAccepted: true }, visitor);

    const before = await app.snapshot();
    expect(await app.call('evaluation', 'evaluate', { signupId: signup.id, rating: 5 }, visitor)).toMatchObject({ ok: false, error: { code: 'NOT_CHECKED_IN', message: '签到后才能评价本次活动' } });
    expect(await app.call('evaluation', 'evaluate', { signupId: signup.id, rating: 5 }, wechatVisitor(2))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('evaluation', 'evaluate', { signupId: signup.id, rating: 5 }, {})).toMatchObject({ ok: false, error: { code: 'VISITOR_REQUIRED' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('综合点评: a second in the same China-time month replaces the first and moves the counts; the next month is a new one', async () => {
    const visitor = wechatVisitor(1);
    const code = await codeOf();
    app.clock = new Date('2018-11-30T15:30:00.000Z'); // 23:30 on 30 November in China
    await app.ok('evaluation', 'evaluate', { code, rating: 5, comment: '服务热情' }, visitor);
    app.clock = new Date('2018-11-30T15:59:59.000Z');
    const again = await app.ok('evaluation', 'evaluate', { code, rating: 3, tags: ['办事效率'] }, visitor);
    expect(again).toMatchObject({ replaced: true, evaluation: { rating: 3, changed: true, month: '2018-11', comment: null } });

    let summary = (await app.ok('evaluation', 'publicPage', { code })).summary;
    expect(summary.counted).toBe(1);
    expect(summary.levels.map((l) => l.count)).toEqual([0, 0, 1, 0, 0]);
    expect(summary.satisfactionRate).toBe(1);
    // The replaced comment is gone from the public list: the evaluation now has none.
    expect((await app.ok('evaluation', 'publicPage', { code })).comments.items).toEqual([]);

    app.clock = new Date('2018-11-30T16:00:00.000Z'); // 00:00 on 1 December in China: a new month
    const december = await app.ok('evaluation', 'evaluate', { code, rating: 1 }, visitor);
    expect(december).toMatchObject({ replaced: false, evaluation: { month: '2018-12', changed: false } });
    summary = (await app.ok('evaluation', 'publicPage', { code })).summary;
    expect(summary).toMatchObject({ counted: 2, negative: 1, satisfactionRate: 0.5 });
    expect((await app.ok('evaluation', 'myEvaluations', {}, visitor)).items.map((e) => [e.month, e.rating, e.changed])).toEqual([
      ['2018-12', 1, false],
      ['2018-11', 3, true],
    ]);
  });

  test('a comment that fails content security is refused at its field, and nothing is written', async () => {
    const code = await codeOf();
    const before = await app.snapshot();
    const refused = await app.call('evaluation', 'evaluate', { code, rating: 1, comment: '这里的人都是傻 逼' }, wechatVisitor(1));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { comment: '评价内容：含有不宜公开的信息，请修改后再提交' } } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a comment still under review is stored and shown to its writer, to nobody else, and the rating still counts', async () => {
    app.deps.contentSecurity = { checkText: async () => 'review', checkImage: async () => ({ verdict: 'review' }) };
    const code = await codeOf();
    const visitor = wechatVisitor(1);
    await app.ok('evaluation', 'evaluate', { code, rating: 4, comment: '待审核的评价' }, visitor);
    const shown = await app.ok('evaluation', 'publicPage', { code });
    expect(shown.summary.counted).toBe(1);
    expect(shown.comments.items).toEqual([]);
    expect((await app.ok('evaluation', 'collectiveEvaluations', {}, h.collective.caller)).items).toEqual([expect.objectContaining({ rating: 4, comment: null })]);
    expect((await app.ok('evaluation', 'myEvaluations', {}, visitor)).items[0]).toMatchObject({ comment: '待审核的评价', commentState: 'review' });
  });

  test('a rater WeChat ranks risky is held for review: stored and shown to them, neither counted nor shown to others', async () => {
    const code = await codeOf();
    const risky = wechatVisitor(9);
    app.deps.riskControl = { rankOf: async ({ openid }) => (openid === 'o-evaluator-9' ? 3 : 0) };
    const held = await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '刷差评' }, risky);
    expect(held.evaluation).toMatchObject({ held: true, comment: '刷差评' });
    await app.ok('evaluation', 'evaluate', { code, rating: 5, comment: '很好' }, wechatVisitor(1));

    const shown = await app.ok('evaluation', 'publicPage', { code });
    expect(shown.summary).toMatchObject({ counted: 1, negative: 0, satisfactionRate: 1 });
    expect(shown.comments.items.map((c) => c.comment)).toEqual(['很好']);
    expect((await app.ok('evaluation', 'collectiveEvaluations', {}, h.collective.caller)).items.map((e) => e.rating)).toEqual([5]);
    expect((await app.ok('evaluation', 'myEvaluations', {}, risky)).items).toEqual([expect.objectContaining({ held: true, rating: 1 })]);

    // Ranked ordinary again, the same person's replacement this month counts from then on.
    app.deps.riskControl = { rankOf: async () => 0 };
    await app.ok('evaluation', 'evaluate', { code, rating: 2 }, risky);
    expect((await app.ok('evaluation', 'publicPage', { code })).summary).toMatchObject({ counted: 2, negative: 1 });
  });

  test('browser evaluations are accepted and shown apart as 网页评价, outside the satisfaction rate', async () => {
    const code = await codeOf();
    const { visitorToken } = await app.ok('openweek', 'startVisit', {});
    const browser: Caller = { visitorToken: visitorToken! };
    await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '网页上评一下' }, browser);
    await app.ok('evaluation', 'evaluate', { code, rating: 5 }, wechatVisitor(1));
    const { summary, comments } = await app.ok('evaluation', 'publicPage', { code });
    expect(summary).toMatchObject({ counted: 1, satisfactionRate: 1, negative: 0, web: { count: 1 } });
    expect(summary.web.levels.find((l) => l.rating === 1)?.count).toBe(1);
    expect(comments.items).toEqual([expect.objectContaining({ source: 'h5', comment: '网页上评一下' })]);
  });

  test('tags come from the campaign: the office may set its own list, and a tag outside it is refused', async () => {
    const code = await codeOf();
    const campaignId = await firstCampaignId(app);
    expect(await app.ok('evaluation', 'aspectTags', { campaignId }, h.office.caller)).toMatchObject({ isDefault: true });
    // The collective has no filing yet: its page offers the default list.
    expect(await app.call('evaluation', 'evaluate', { code, rating: 4, tags: ['不存在的方面'] }, wechatVisitor(1))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { tags: '评价方面：“不存在的方面”不在可选范围内' } },
    });
    await app.ok('evaluation', 'setAspectTags', { campaignId, tags: ['讲解清楚', '秩序良好'] }, h.office.caller);
    expect(await app.call('evaluation', 'setAspectTags', { campaignId, tags: ['重复', '重复'] }, h.office.caller)).toMatchObject({ ok: false, error: { fields: { tags: '评价方面：不能重复' } } });
    const visitor = wechatVisitor(2);
    const { signupId } = await checkedInSignup(app, h, visitor);
    expect((await app.ok('evaluation', 'evaluationForm', { signupId }, visitor)).tags).toEqual(['讲解清楚', '秩序良好']);
    await app.ok('evaluation', 'evaluate', { signupId, rating: 5, tags: ['秩序良好'] }, visitor);
  });

  test('rate limits: a visitor past their evaluations per hour is told when to retry', async () => {
    await app.close();
    app = new TestApp({ limits: { evaluationsPerVisitor: { limit: 2, windowSeconds: 3600 } } });
    h = await seedHierarchy(app);
    const code = await codeOf();
    const visitor = wechatVisitor(1);
    await app.ok('evaluation', 'evaluate', { code, rating: 5 }, visitor);
    await app.ok('evaluation', 'evaluate', { code, rating: 4 }, visitor);
    const before = await app.snapshot();
    const third = await app.call('evaluation', 'evaluate', { code, rating: 3 }, visitor);
    expect(third).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('分钟后重试'), retryAfterSeconds: expect.any(Number) } });
    expect(await app.snapshot()).toEqual(before);
    // Another person is not held back.
    await app.ok('evaluation', 'evaluate', { code, rating: 3 }, wechatVisitor(2));
  });

  test('nothing that identifies an evaluator appears in any view', async () => {
    const visitor = wechatVisitor(7);
    const { signupId, collective } = await checkedInSignup(app, h, visitor);
    await app.ok('evaluation', 'evaluate', { signupId, rating: 2, comment: '希望改进' }, visitor);
    const { visitorToken } = await app.ok('openweek', 'startVisit', {});
    const code = await codeOf();
    await app.ok('evaluation', 'evaluate', { code, rating: 4, comment: '不错' }, { visitorToken: visitorToken! });
    const stored = await findAll<EvaluationDoc>(app.store, 'evaluations', { orderBy: { fields: [], direction: 'asc' } });
    const secrets = stored.map((e) => e.visitorId).flatMap((id) => [id, id.slice(3)]);
    expect(secrets).toHaveLength(4);
    const views = JSON.stringify([
      await app.ok('evaluation', 'publicPage', { code }),
      await app.ok('evaluation', 'comments', { code }),
      await app.ok('evaluation', 'collectiveEvaluations', {}, collective),
      await app.ok('evaluation', 'myEvaluations', {}, visitor),
      await app.ok('evaluation', 'evaluationForm', { code }, visitor),
    ]);
    for (const secret of secrets) expect(views).not.toContain(secret);
  });

  test('the collective writes its commitment, address and hours; the page shows them; a blocked word is refused at its field', async () => {
    const own = await app.ok('evaluation', 'ownPublicPage', {}, h.collective.caller);
    expect(own.code).toMatch(/^[a-z2-9]{10}$/);
    const commitment = '我们承诺：微笑服务，首问负责，限时办结。'.repeat(20);
    const saved = await app.ok('evaluation', 'updatePublicPage', { commitment, address: '岳阳市岳阳楼区站前路1号', serviceHours: '每日 6:00—22:00', version: own.version }, h.collective.caller);
    expect(saved.version).toBe(own.version + 1);
    const shown = await app.ok('evaluation', 'publicPage', { code: own.code.toUpperCase() });
    expect(shown).toMatchObject({ commitment, address: '岳阳市岳阳楼区站前路1号', serviceHours: '每日 6:00—22:00', collective: { name: '岳阳市公交一路青年班组', unit: { name: '城区公交站' } } });

    const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.updatePublicPage' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(audits).toHaveLength(1);

    const before = await app.snapshot();
    expect(await app.call('evaluation', 'updatePublicPage', { commitment: '提供代开发票服务', version: saved.version }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED', fields: { commitment: '公开承诺：含有不宜公开的信息，请修改后再提交' } },
    });
    expect(await app.call('evaluation', 'updatePublicPage', { commitment: '过时的版本', version: own.version }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('the complaint channel is the nearest unit’s that published one; admins set it within their scope', async () => {
    expect((await page(h.collective.accountId)).complaint).toBeNull();
    await app.ok('evaluation', 'setComplaintChannel', { unitId: h.units.transport.id, phone: '0730-8888888', email: 'ts@example.org' }, h.admin1.caller);
    expect((await page(h.collective.accountId)).complaint).toEqual({ unitName: '交通', phone: '0730-8888888', email: 'ts@example.org' });
    await app.ok('evaluation', 'setComplaintChannel', { unitId: h.units.bureau.id, phone: '0730-1234567' }, h.admin2.caller);
    expect((await page(h.collective.accountId)).complaint).toEqual({ unitName: '岳阳市交通运输局', phone: '0730-1234567', email: null });
    expect(await app.call('evaluation', 'setComplaintChannel', { unitId: h.units.bureau.id, phone: '电话' }, h.admin2.caller)).toMatchObject({
      ok: false,
      error: { fields: { phone: '投诉电话：请填写有效的电话号码' } },
    });
  });

  test('the 创建标识 shows only for a 创建集体, with its former names', async () => {
    const shown = await page(h.collective.accountId);
    expect(shown.mark).toBeNull();
    expect(shown.collective.formerNames).toEqual([]);
    expect(shown.acceptsEvaluations).toBe(true);
    expect(await app.call('evaluation', 'publicPage', { collectiveId: h.admin1.accountId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('evaluation', 'publicPage', { code: 'nosuchcode' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('reading a 三亮 page writes nothing: its code and counters come with the collective’s document', async () => {
    // Issuing the code wrote the page and zeroed counters with the collective, in one transaction.
    expect(await app.store.get('publicPages', h.countyCollective.accountId)).toMatchObject({ code: expect.stringMatching(/^[a-z2-9]{10}$/) });
    expect(await app.store.get('evaluationCounts', h.countyCollective.accountId)).toMatchObject({ cases: 0, wechat5: 0 });
    const before = await app.snapshot();
    const shown = await page(h.countyCollective.accountId);
    expect(shown.summary).toMatchObject({ counted: 0, satisfactionRate: null, web: { count: 0 } });
    const code = shown.collective.code;
    await app.ok('evaluation', 'publicPage', { code });
    await app.ok('evaluation', 'comments', { code });
    await app.ok('evaluation', 'evaluationForm', { code }, wechatVisitor(1));
    await app.ok('evaluation', 'ownPublicPage', {}, h.countyCollective.caller);
    await app.ok('evaluation', 'collectiveEvaluations', {}, h.countyCollective.caller);
    expect(await app.snapshot()).toEqual(before);
  });

  test('a collective’s page reads as zero when its counters are missing', async () => {
    await app.store.remove('evaluationCounts', h.collective.accountId);
    const shown = await page(h.collective.accountId);
    expect(shown.summary).toMatchObject({ counted: 0, negative: 0, followUp: { cases: 0, answeredOnTime: 0 }, web: { count: 0 } });
  });

  describe('差评 follow-up', () => {
    const signIn = async (who: Hierarchy['collective']): Promise<Caller> => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });

    test('a counted 差评 opens a case due five working days on; the collective answers it and the evaluator reads the answer', async () => {
      app.deps.config.workCalendar = { holidays: ['2018-11-22'], workdays: [] }; // Thursday off: Tuesday's 差评 is due by next Wednesday
      const code = await codeOf();
      const visitor = wechatVisitor(1);
      const { evaluation } = await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '态度恶劣' }, visitor);
      await app.ok('evaluation', 'evaluate', { code, rating: 4 }, wechatVisitor(2));

      const open = await app.ok('evaluation', 'collectiveCases', {}, h.collective.caller);
      expect(open.items).toEqual([
        expect.objectContaining({ id: evaluation.id, status: 'open', dueAt: '2018-11-28T16:00:00.000Z', overdue: false, reply: null, evaluation: expect.objectContaining({ rating: 1, comment: '态度恶劣' }) }),
      ]);

      const before = await app.snapshot();
      expect(await app.call('evaluation', 'replyToCase', { caseId: evaluation.id, kind: 'explanation', text: '我们不提供代开发票' }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'CONTENT_REJECTED', fields: { text: '答复内容：含有不宜公开的信息，请修改后再提交' } },
      });
      expect(await app.call('evaluation', 'replyToCase', { caseId: evaluation.id, kind: 'explanation', text: '别的集体来答复' }, h.countyCollective.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await app.snapshot()).toEqual(before);

      app.clock = new Date('2018-11-28T15:59:00.000Z'); // 23:59 China time on the last working day: still in time
      const collective = await signIn(h.collective);
      const answered = await app.ok('evaluation', 'replyToCase', { caseId: evaluation.id, kind: 'rectification', text: '已约谈当班人员并增加高峰期窗口' }, collective);
      expect(answered.case).toMatchObject({ status: 'answered', overdue: false, reply: { kind: 'rectification', kindLabel: '整改', text: '已约谈当班人员并增加高峰期窗口' } });
      expect(await app.call('evaluation', 'replyToCase', { caseId: evaluation.id, kind: 'explanation', text: '再答复一次看看' }, collective)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

      expect((await app.ok('evaluation', 'myEvaluations', {}, visitor)).items[0].reply).toMatchObject({ kindLabel: '整改', text: '已约谈当班人员并增加高峰期窗口', handling: null });

      // The evaluator rates the handling, once; nobody else can.
      expect(await app.call('evaluation', 'rateHandling', { evaluationId: evaluation.id, rating: 'satisfied' }, wechatVisitor(2))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const rated = await app.ok('evaluation', 'rateHandling', { evaluationId: evaluation.id, rating: 'basicallySatisfied' }, visitor);
      expect(rated.evaluation.reply?.handling).toEqual({ rating: 'basicallySatisfied', label: '基本满意' });
      expect(await app.call('evaluation', 'rateHandling', { evaluationId: evaluation.id, rating: 'dissatisfied' }, visitor)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '已评价过处理结果' } });
      expect((await app.ok('evaluation', 'collectiveCases', { status: 'answered' }, collective)).items[0].reply?.handling).toEqual({ rating: 'basicallySatisfied', label: '基本满意' });
      expect((await app.ok('evaluation', 'collectiveCases', {}, collective)).items).toEqual([]);
      expect((await app.ok('evaluation', 'collectiveCases', { status: 'answered' }, collective)).items.map((c) => c.id)).toEqual([evaluation.id]);
      expect((await app.ok('evaluation', 'publicPage', { code })).summary.followUp).toEqual({ cases: 1, answeredOnTime: 1 });
      const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.replyToCase' }, orderBy: { fields: ['at'], direction: 'asc' } });
      expect(audits.map((a) => a.after)).toEqual([{ caseId: evaluation.id, kind: 'rectification', onTime: true }]);
    });

    test('an unanswered case is overdue from 00:00 China time after its last working day', async () => {
      const code = await codeOf();
      const { evaluation } = await app.ok('evaluation', 'evaluate', { code, rating: 2 }, wechatVisitor(1));
      expect(await app.call('evaluation', 'rateHandling', { evaluationId: evaluation.id, rating: 'satisfied' }, wechatVisitor(1))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE', message: '集体答复后才能评价处理结果' },
      });
      app.clock = new Date('2018-11-27T15:59:59.000Z'); // Tuesday 20th + 5 working days: the end of Tuesday 27th
      expect((await app.ok('evaluation', 'collectiveCases', {}, await signIn(h.collective))).items[0]).toMatchObject({ overdue: false, dueAt: '2018-11-27T16:00:00.000Z' });
      app.clock = new Date('2018-11-27T16:00:00.000Z');
      const late = await signIn(h.collective);
      const [overdue] = (await app.ok('evaluation', 'collectiveCases', {}, late)).items;
      expect(overdue).toMatchObject({ overdue: true });
      // Answered late, it counts as followed up but not in time.
      await app.ok('evaluation', 'replyToCase', { caseId: overdue.id, kind: 'explanation', text: '已回访评价人并说明情况' }, late);
      expect((await app.ok('evaluation', 'publicPage', { code })).summary.followUp).toEqual({ cases: 1, answeredOnTime: 0 });
    });

    test('a monthly evaluation replaced by one that is no 差评 withdraws its case; made a 差评 again, the case reopens', async () => {
      const code = await codeOf();
      const visitor = wechatVisitor(1);
      await app.ok('evaluation', 'evaluate', { code, rating: 1 }, visitor);
      await app.ok('evaluation', 'evaluate', { code, rating: 3 }, visitor);
      expect((await app.ok('evaluation', 'collectiveCases', {}, h.collective.caller)).items).toEqual([]);
      expect((await app.ok('evaluation', 'publicPage', { code })).summary.followUp.cases).toBe(0);
      app.advance(60);
      await app.ok('evaluation', 'evaluate', { code, rating: 2 }, visitor);
      expect((await app.ok('evaluation', 'collectiveCases', {}, h.collective.caller)).items).toEqual([expect.objectContaining({ status: 'open', evaluation: expect.objectContaining({ rating: 2, changed: true }) })]);
      expect((await app.ok('evaluation', 'publicPage', { code })).summary.followUp.cases).toBe(1);
    });

    test('an unanswered case goes to the managing unit once overdue: the branch’s admins see it, another branch does not', async () => {
      const code = await codeOf();
      const { evaluation } = await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '没人理' }, wechatVisitor(1));
      app.clock = new Date('2018-11-27T15:59:59.000Z');
      expect(await escalateOverdueCases(app.deps)).toBe(0);
      app.clock = new Date('2018-11-27T16:00:00.000Z');
      expect(await escalateOverdueCases(app.deps)).toBe(1);
      expect(await escalateOverdueCases(app.deps)).toBe(0);

      const queueOf = async (who: Hierarchy['admin1']) => (await app.ok('evaluation', 'escalatedCases', {}, await signIn(who))).items;
      for (const admin of [h.office, h.admin1, h.admin2, h.admin3]) {
        expect(await queueOf(admin)).toEqual([
          expect.objectContaining({ id: evaluation.id, status: 'open', overdue: true, escalation: 'overdue', escalationLabel: '逾期未答复', collective: { code, name: '岳阳市公交一路青年班组' } }),
        ]);
      }
      expect(await queueOf(h.countyAdmin1)).toEqual([]);
      const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.escalateCase' }, orderBy: { fields: ['at'], direction: 'asc' } });
      expect(audits.map((a) => [a.actorKind, a.after])).toEqual([['system', { caseId: evaluation.id, escalation: 'overdue' }]]);
      // The collective's own unit (城区公交站) has an admin: they are told, once.
      expect((await app.mailbox()).filter((m) => m.subject.startsWith('[evaluationEscalated]')).map((m) => [m.to, m.text])).toEqual([
        [`微信 account:${h.admin3.accountId}`, '「岳阳市公交一路青年班组」的一条差评逾期未答复，已转本单位督办。\n打开：admin/evaluation/cases'],
      ]);
    });

    test('a handling the evaluator finds 不满意 goes to the managing unit; an answer in time does not', async () => {
      const code = await codeOf();
      const { evaluation } = await app.ok('evaluation', 'evaluate', { code, rating: 2 }, wechatVisitor(1));
      await app.ok('evaluation', 'replyToCase', { caseId: evaluation.id, kind: 'explanation', text: '当日系统故障，已修复' }, h.collective.caller);
      app.clock = new Date('2018-12-10T02:00:00.000Z');
      expect(await escalateOverdueCases(app.deps)).toBe(0);
      await app.ok('evaluation', 'rateHandling', { evaluationId: evaluation.id, rating: 'dissatisfied' }, wechatVisitor(1));
      expect((await app.mailbox()).filter((m) => m.subject.startsWith('[evaluationEscalated]')).map((m) => m.text)).toEqual([
        '「岳阳市公交一路青年班组」的一条差评评价人对处理结果不满意，已转本单位督办。\n打开：admin/evaluation/cases',
      ]);
      expect((await app.ok('evaluation', 'escalatedCases', {}, await signIn(h.admin1))).items).toEqual([
        expect.objectContaining({ status: 'answered', escalation: 'dissatisfied', escalationLabel: '评价人对处理结果不满意', reply: expect.objectContaining({ handling: { rating: 'dissatisfied', label: '不满意' } }) }),
      ]);
    });

    test('a held 差评 opens no case until it counts', async () => {
      app.deps.riskControl = { rankOf: async () => 4 };
      await app.ok('evaluation', 'evaluate', { code: await codeOf(), rating: 1 }, wechatVisitor(1));
      expect((await app.ok('evaluation', 'collectiveCases', {}, h.collective.caller)).items).toEqual([]);
    });
  });

  describe('申诉', () => {
    const REASONS = '评价人并未到访本窗口，评价内容与本集体无关';

    test('upheld by the branch’s level-1 admin, a 差评 is folded: out of the figures and the public comments, its case withdrawn, kept for the collective with the reason', async () => {
      const code = await codeOf();
      const { evaluation } = await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '乱收费' }, wechatVisitor(1));
      await app.ok('evaluation', 'evaluate', { code, rating: 5 }, wechatVisitor(2));
      expect((await app.ok('evaluation', 'publicPage', { code })).summary).toMatchObject({ counted: 2, satisfactionRate: 0.5, followUp: { cases: 1 } });

      expect(await app.call('evaluation', 'appeal', { evaluationId: evaluation.id, ground: 'mistaken', reasons: REASONS }, h.countyCollective.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const filed = await app.ok('evaluation', 'appeal', { evaluationId: evaluation.id, ground: 'mistaken', reasons: REASONS }, h.collective.caller);
      expect(filed.appeal).toMatchObject({ status: 'pending', groundLabel: '误评', collective: { name: '岳阳市公交一路青年班组' } });
      expect(await app.call('evaluation', 'appeal', { evaluationId: evaluation.id, ground: 'malicious', reasons: REASONS }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '该评价已申诉过' } });

      expect((await app.ok('evaluation', 'appeals', {}, h.admin1.caller)).items.map((a) => a.id)).toEqual([evaluation.id]);
      expect((await app.ok('evaluation', 'appeals', {}, h.countyAdmin1.caller)).items).toEqual([]);
      const before = await app.snapshot();
      expect(await app.call('evaluation', 'decideAppeal', { appealId: evaluation.id, uphold: true, comment: '核实为误评' }, h.countyAdmin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
      expect(await app.snapshot()).toEqual(before);

      const decided = await app.ok('evaluation', 'decideAppeal', { appealId: evaluation.id, uphold: true, comment: '核实为误评' }, h.admin1.caller);
      expect(decided.appeal).toMatchObject({ status: 'upheld', decision: { byName: '交通行业一级管理员', comment: '核实为误评' } });
      const page = await app.ok('evaluation', 'publicPage', { code });
      expect(page.summary).toMatchObject({ counted: 1, satisfactionRate: 1, negative: 0, followUp: { cases: 0 } });
      expect(page.comments.items).toEqual([]);
      expect((await app.ok('evaluation', 'collectiveCases', {}, h.collective.caller)).items).toEqual([]);
      expect((await app.ok('evaluation', 'collectiveEvaluations', {}, h.collective.caller)).items.find((e) => e.id === evaluation.id)?.excluded).toEqual({ reason: '申诉成立（误评）：核实为误评' });
      expect(await app.call('evaluation', 'decideAppeal', { appealId: evaluation.id, uphold: false, comment: '再议' }, h.office.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

      // Its writer changing it this month does not bring it back into the figures.
      await app.ok('evaluation', 'evaluate', { code, rating: 2, comment: '还是乱收费' }, wechatVisitor(1));
      expect((await app.ok('evaluation', 'publicPage', { code })).summary).toMatchObject({ counted: 1, negative: 0 });
      const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.upholdAppeal' }, orderBy: { fields: ['at'], direction: 'asc' } });
      expect(audits.map((a) => [a.actorCode, a.reason])).toEqual([[h.admin1.code, '核实为误评']]);
    });

    test('rejected by the office, the evaluation stands and keeps counting', async () => {
      const code = await codeOf();
      const { evaluation } = await app.ok('evaluation', 'evaluate', { code, rating: 2 }, wechatVisitor(1));
      await app.ok('evaluation', 'appeal', { evaluationId: evaluation.id, ground: 'malicious', reasons: REASONS }, h.collective.caller);
      const decided = await app.ok('evaluation', 'decideAppeal', { appealId: evaluation.id, uphold: false, comment: '理由不充分' }, h.office.caller);
      expect(decided.appeal.status).toBe('rejected');
      expect((await app.ok('evaluation', 'publicPage', { code })).summary).toMatchObject({ counted: 1, negative: 1 });
      expect((await app.ok('evaluation', 'appeals', { status: 'rejected' }, h.collective.caller)).items.map((a) => a.decision?.comment)).toEqual(['理由不充分']);
    });
  });
});

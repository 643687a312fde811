import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { EvaluationDoc } from '../../cloudfunctions/app/collections/evaluation';
import type { Caller } from '../../cloudfunctions/app/context';
import type { ContentSecurity } from '../../cloudfunctions/app/ports/content-security';
import { NO_RISK, type RiskControl } from '../../cloudfunctions/app/ports/risk-control';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { imageHash } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { RATINGS } from '../../shared/domain/evaluation/rules';
import { expectOutcome } from '../support/authorization';
import { PNG } from '../support/creationlog';
import { filedCollectivePage, wechatVisitor } from '../support/evaluation';
import { seedFiling } from '../support/filing';
import { TestApp } from '../support/harness';

type World = Awaited<ReturnType<typeof seedFiling>>;

const RISKY: RiskControl = { rankOf: async () => 4 };
/** Content security that leaves every text for review (what msgSecCheck answers when unsure). */
const UNSURE: ContentSecurity = { checkText: async () => 'review', checkImage: async () => ({ verdict: 'pass' }) };
/** A photo the local content check holds for WeChat's later verdict (mediaCheckAsync answered a trace id). */
const CHECKING = Buffer.concat([PNG, Buffer.from('checking')]);

describe('the managing unit reviews held evaluations and comments under review', () => {
  let app: TestApp;
  let w: World;
  let code: string;

  beforeEach(async () => {
    app = new TestApp({ heldImages: [imageHash(CHECKING)] });
    ({ w, code } = await filedCollectivePage(app));
  });
  afterEach(() => app.close());

  const evaluate = async (visitor: Caller, rating: number, comment?: string) => (await app.ok('evaluation', 'evaluate', { code, rating, ...(comment ? { comment } : {}) }, visitor)).evaluation;
  const queue = async (caller: Caller, status: 'pending' | 'decided' = 'pending') => (await app.ok('evaluation', 'evaluationReviews', { status }, caller)).items;
  const summary = async () => (await app.ok('evaluation', 'publicPage', { code })).summary;
  const shownComments = async () => (await app.ok('evaluation', 'comments', { code })).items.map((c) => c.comment);

  /** The page's figures equal what the evaluations themselves say: counted WeChat ones per level. */
  async function expectFiguresEqualRecords() {
    const docs = await findAll<EvaluationDoc>(app.store, 'evaluations', { orderBy: { fields: ['createdAt'], direction: 'asc' } });
    const counted = docs.filter((e) => e.source === 'wechat' && !e.held && !e.excluded);
    const figures = await summary();
    expect(Object.fromEntries(figures.levels.map((l) => [l.rating, l.count]))).toEqual(Object.fromEntries(RATINGS.map((r) => [r, counted.filter((e) => e.rating === r).length])));
    expect(figures.followUp.cases).toBe((await findAll(app.store, 'evaluationCases', { where: { status: { $in: ['open', 'answered'] } }, orderBy: { fields: [], direction: 'asc' } })).length);
  }

  test('a held 差评 waits in its managing unit’s queue without its writer; 计入 counts it, shows its comment and opens its case', async () => {
    app.deps.riskControl = RISKY;
    const held = await evaluate(wechatVisitor(1), 1, '等候太久无人理睬');
    app.deps.riskControl = NO_RISK;
    await evaluate(wechatVisitor(2), 5, '服务很好');
    expect(await summary()).toMatchObject({ counted: 1, negative: 0, followUp: { cases: 0 } });
    expect(await shownComments()).toEqual(['服务很好']);

    // The station, the branch and the office see it with its comment; another branch does not; nobody sees who wrote it.
    for (const admin of [w.admin3, w.admin2, w.admin1, w.office]) {
      expect(await queue(admin.caller)).toEqual([expect.objectContaining({ id: held.id, held: true, commentInReview: false, status: 'pending', unitName: '城区公交站', evaluation: expect.objectContaining({ rating: 1, comment: '等候太久无人理睬' }) })]);
    }
    expect(await queue(w.countyAdmin1.caller)).toEqual([]);
    expect(JSON.stringify(await queue(w.admin1.caller))).not.toContain('o-evaluator');
    // The collective does not see it before it counts.
    expect((await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller)).items.map((e) => e.id)).not.toContain(held.id);

    const { review } = await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, w.admin3.caller);
    expect(review).toMatchObject({ status: 'decided', decision: { outcome: 'counted', outcomeLabel: '计入', reason: null } });
    expect(await summary()).toMatchObject({ counted: 2, negative: 1, followUp: { cases: 1 } });
    expect(await shownComments()).toEqual(expect.arrayContaining(['等候太久无人理睬', '服务很好']));
    expect((await app.ok('evaluation', 'collectiveCases', {}, w.collective.caller)).items).toEqual([expect.objectContaining({ id: held.id, status: 'open' })]);
    expect(await queue(w.admin3.caller)).toEqual([]);
    expect((await queue(w.admin1.caller, 'decided')).map((r) => r.id)).toEqual([held.id]);
    await expectFiguresEqualRecords();

    await expectOutcome(app, () => app.call('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: false, reason: '再审一次' }, w.admin1.caller), 'INVALID_STATE');
    const audit = (await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.countReviewed' }, orderBy: { fields: ['at'], direction: 'asc' } }));
    expect(audit.map((a) => [a.actorId, a.after])).toEqual([[w.admin3.accountId, { evaluationId: held.id, held: true, commentInReview: false, photosInReview: false }]]);
    expect(JSON.stringify(audit)).not.toContain('o-evaluator');
  });

  test('不计入 folds a held evaluation with the reason its writer reads; the counters never move', async () => {
    app.deps.riskControl = RISKY;
    const held = await evaluate(wechatVisitor(1), 2, '刷评内容');
    app.deps.riskControl = NO_RISK;
    await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: false, reason: '同一设备短时间内大量评价' }, w.admin1.caller);
    expect(await summary()).toMatchObject({ counted: 0, followUp: { cases: 0 } });
    expect(await shownComments()).toEqual([]);
    const [mine] = (await app.ok('evaluation', 'myEvaluations', {}, wechatVisitor(1))).items;
    expect(mine).toMatchObject({ id: held.id, excluded: { reason: '审核不计入：同一设备短时间内大量评价' } });
    expect((await app.ok('evaluation', 'collectiveEvaluations', {}, w.collective.caller)).items).toEqual([]);
    await expectFiguresEqualRecords();
    const audit = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.excludeReviewed' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(audit.map((a) => a.reason)).toEqual(['同一设备短时间内大量评价']);
  });

  test('a comment under content review counts its rating at once; 不计入 keeps only the comment off the page', async () => {
    app.deps.contentSecurity = UNSURE;
    const evaluation = await evaluate(wechatVisitor(1), 4, '内容待审核的评价');
    expect(await summary()).toMatchObject({ counted: 1 });
    expect(await shownComments()).toEqual([]);
    expect(await queue(w.admin3.caller)).toEqual([expect.objectContaining({ id: evaluation.id, held: false, commentInReview: true, evaluation: expect.objectContaining({ comment: '内容待审核的评价' }) })]);

    await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: evaluation.id, count: false, reason: '含联系方式' }, w.admin3.caller);
    expect(await summary()).toMatchObject({ counted: 1 });
    expect(await shownComments()).toEqual([]);
    expect((await app.ok('evaluation', 'myEvaluations', {}, wechatVisitor(1))).items[0]).toMatchObject({ commentState: 'hidden', excluded: null });
    await expectFiguresEqualRecords();
  });

  test('a replacement without risk withdraws the review and counts; a risky one puts it back in the queue and out of the counts', async () => {
    const visitor = wechatVisitor(1);
    app.deps.riskControl = RISKY;
    const held = await evaluate(visitor, 1, '第一次');
    app.deps.riskControl = NO_RISK;
    app.advance(60);
    await evaluate(visitor, 2, '改一下');
    expect(await queue(w.admin3.caller)).toEqual([]);
    expect(await summary()).toMatchObject({ counted: 1, negative: 1, followUp: { cases: 1 } });
    await expectFiguresEqualRecords();
    await expectOutcome(app, () => app.call('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, w.admin3.caller), 'INVALID_STATE');

    app.deps.riskControl = RISKY;
    app.advance(60);
    await evaluate(visitor, 5, '再改一次');
    expect((await queue(w.admin3.caller)).map((r) => r.id)).toEqual([held.id]);
    expect(await summary()).toMatchObject({ counted: 0, followUp: { cases: 0 } });
    await expectFiguresEqualRecords();
    app.deps.riskControl = NO_RISK;
    await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, w.admin3.caller);
    expect(await summary()).toMatchObject({ counted: 1, satisfactionRate: 1 });
    await expectFiguresEqualRecords();
  });

  test('an upheld appeal withdraws a comment’s pending review; the figures stay equal to the records', async () => {
    app.deps.contentSecurity = UNSURE;
    const evaluation = await evaluate(wechatVisitor(1), 1, '待审核的差评内容');
    await app.ok('evaluation', 'appeal', { evaluationId: evaluation.id, ground: 'malicious', reasons: '评价人并未到访本窗口，内容与本集体无关' }, w.collective.caller);
    const { items } = await app.ok('evaluation', 'appeals', {}, w.admin1.caller);
    await app.ok('evaluation', 'decideAppeal', { appealId: items[0].id, uphold: true, comment: '核实为恶意评价' }, w.admin1.caller);
    expect(await queue(w.admin3.caller)).toEqual([]);
    expect(await summary()).toMatchObject({ counted: 0, followUp: { cases: 0 } });
    await expectFiguresEqualRecords();
  });

  test('the managing unit’s admins are told when an evaluation enters their queue, once, and not while it waits', async () => {
    const told = async () => (await app.mailbox()).filter((m) => m.subject.startsWith('[evaluationHeld]')).map((m) => [m.to, m.text]);
    const visitor = wechatVisitor(1);
    await evaluate(visitor, 4, '很好');
    expect(await told()).toEqual([]);
    app.deps.riskControl = RISKY;
    app.advance(60);
    const held = await evaluate(visitor, 1, '第一次');
    const message = [`微信 account:${w.admin3.accountId}`, expect.stringContaining('「岳阳市公交一路青年班组」有一条评价待审核')];
    expect(await told()).toEqual([message]);
    expect(JSON.stringify(await told())).not.toContain('o-evaluator');
    app.advance(60);
    await evaluate(visitor, 2, '第二次'); // still held, still waiting: nobody is told again
    expect(await told()).toEqual([message]);
    app.deps.riskControl = NO_RISK;
    await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, w.admin3.caller);
    app.deps.riskControl = RISKY;
    app.advance(60);
    await evaluate(visitor, 1, '第三次'); // decided, then held again: back in the queue, told again
    expect(await told()).toEqual([message, message]);
  });

  test('refusals write nothing: no reason for 不计入, another branch’s admin, an unknown evaluation', async () => {
    app.deps.riskControl = RISKY;
    const held = await evaluate(wechatVisitor(1), 2, '刷评内容');
    app.deps.riskControl = NO_RISK;
    const before = await app.snapshot();
    expect(await app.call('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: false }, w.admin3.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: '不计入原因：请填写' } } });
    await expectOutcome(app, () => app.call('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, w.countyAdmin1.caller), 'NOT_IN_SCOPE');
    await expectOutcome(app, () => app.call('evaluation', 'decideEvaluationReview', { evaluationId: 'no-such-evaluation', count: true }, w.admin1.caller), 'NOT_FOUND');
    await expectOutcome(app, () => app.call('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, w.collective.caller), 'FORBIDDEN');
    expect(await app.snapshot()).toEqual(before);
  });

  describe('photos that could not be sent for checking', () => {
    /** Photos mediaCheckAsync could not be asked about (no OPENID, no temporary URL, WeChat unreachable): review, no trace id. */
    const unsent = new Set<string>();
    beforeEach(() => {
      unsent.clear();
      const local = app.deps.contentSecurity;
      app.deps.contentSecurity = { checkText: (check) => local.checkText(check), checkImage: async (check) => (unsent.has(check.url) ? { verdict: 'review' } : local.checkImage(check)) };
    });

    const photo = async (visitor: Caller, bytes: Buffer, { send = true } = {}) => {
      const { url } = await app.ok('evaluation', 'uploadPhoto', { contentType: 'image/png', base64: bytes.toString('base64') }, visitor);
      if (!send) unsent.add(url);
      return url;
    };
    const withPhotos = async (visitor: Caller, rating: number, photos: string[], comment?: string) =>
      (await app.ok('evaluation', 'evaluate', { code, rating, photos, ...(comment ? { comment } : {}) }, visitor)).evaluation;
    const onPage = async () => (await app.ok('evaluation', 'comments', { code })).items.map((c) => ({ comment: c.comment, photos: c.photos }));
    const myPhotos = async (visitor: Caller) => (await app.ok('evaluation', 'myEvaluations', {}, visitor)).items[0].myPhotos;
    const told = async () => (await app.mailbox()).filter((m) => m.subject.startsWith('[evaluationHeld]')).map((m) => m.to);

    test('one puts the evaluation in its unit’s queue and tells its admins; the page does not show it meanwhile; 计入 shows it and the evaluation', async () => {
      const rater = wechatVisitor(1);
      const stuck = await photo(rater, Buffer.concat([PNG, Buffer.from('stuck')]), { send: false });
      const evaluation = await withPhotos(rater, 5, [stuck]);
      expect(evaluation.myPhotos).toEqual([{ url: stuck, state: 'review' }]);
      // Photos waiting do not hold the rating back: it counts at once, as a comment in review does.
      expect(await summary()).toMatchObject({ counted: 1, satisfactionRate: 1 });
      expect(await onPage()).toEqual([]);
      expect(await told()).toEqual([`微信 account:${w.admin3.accountId}`]);
      for (const admin of [w.admin3, w.admin1, w.office]) {
        expect(await queue(admin.caller)).toEqual([expect.objectContaining({ id: evaluation.id, held: false, commentInReview: false, photosInReview: true, reviewPhotos: [stuck], status: 'pending' })]);
      }
      // A sibling branch's admin neither sees nor decides it.
      expect(await queue(w.countyAdmin1.caller)).toEqual([]);
      await expectOutcome(app, () => app.call('evaluation', 'decideEvaluationReview', { evaluationId: evaluation.id, count: true }, w.countyAdmin1.caller), 'NOT_IN_SCOPE');

      const { review } = await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: evaluation.id, count: true }, w.admin3.caller);
      expect(review).toMatchObject({ status: 'decided', photosInReview: true, reviewPhotos: [], evaluation: { photos: [stuck] } });
      expect(await onPage()).toEqual([{ comment: null, photos: [stuck] }]);
      expect(await myPhotos(rater)).toEqual([{ url: stuck, state: 'shown' }]);
      expect(await summary()).toMatchObject({ counted: 1 });
      expect(await queue(w.admin3.caller)).toEqual([]);
      await expectFiguresEqualRecords();
      const audit = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'evaluation.countReviewed' }, orderBy: { fields: ['at'], direction: 'asc' } });
      expect(audit.map((a) => a.after)).toEqual([{ evaluationId: evaluation.id, held: false, commentInReview: false, photosInReview: true }]);
    });

    test('不计入 keeps it off the page for good; the comment and the other photos show, and the rating still counts', async () => {
      const rater = wechatVisitor(1);
      const fine = await photo(rater, PNG);
      const stuck = await photo(rater, Buffer.concat([PNG, Buffer.from('stuck')]), { send: false });
      const evaluation = await withPhotos(rater, 4, [fine, stuck], '窗口服务热情');
      expect(await onPage()).toEqual([{ comment: '窗口服务热情', photos: [fine] }]);
      expect((await queue(w.admin3.caller)).map((r) => [r.id, r.reviewPhotos])).toEqual([[evaluation.id, [stuck]]]);

      await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: evaluation.id, count: false, reason: '照片含他人面部' }, w.admin3.caller);
      expect(await onPage()).toEqual([{ comment: '窗口服务热情', photos: [fine] }]);
      // The evaluator reads it as a photo that did not pass, like one WeChat found risky.
      expect((await app.ok('evaluation', 'myEvaluations', {}, rater)).items[0]).toMatchObject({
        excluded: null,
        commentState: 'shown',
        myPhotos: [
          { url: fine, state: 'shown' },
          { url: stuck, state: 'removed' },
        ],
      });
      expect(await summary()).toMatchObject({ counted: 1 });
      await expectFiguresEqualRecords();
    });

    test('a photo WeChat is still checking is not the admin’s to decide: it takes WeChat’s later verdict', async () => {
      const rater = wechatVisitor(1);
      const checking = await photo(rater, CHECKING);
      const stuck = await photo(rater, Buffer.concat([PNG, Buffer.from('stuck')]), { send: false });
      // Only a photo WeChat is checking: nothing for the unit to decide.
      await withPhotos(wechatVisitor(2), 5, [await photo(wechatVisitor(2), CHECKING)]);
      expect(await queue(w.admin3.caller)).toEqual([]);

      const evaluation = await withPhotos(rater, 5, [checking, stuck]);
      expect((await queue(w.admin3.caller)).map((r) => [r.id, r.reviewPhotos])).toEqual([[evaluation.id, [stuck]]]);
      await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: evaluation.id, count: true }, w.admin3.caller);
      expect(await myPhotos(rater)).toEqual([
        { url: checking, state: 'review' },
        { url: stuck, state: 'shown' },
      ]);
      expect(await onPage()).toEqual([{ comment: null, photos: [stuck] }]);

      expect(await app.deliverVerdicts(imageHash(CHECKING), 'pass')).toEqual(['applied', 'applied']);
      expect(await myPhotos(rater)).toEqual([
        { url: checking, state: 'shown' },
        { url: stuck, state: 'shown' },
      ]);
      expect(await onPage()).toEqual(expect.arrayContaining([{ comment: null, photos: [checking, stuck] }]));
    });

    test('a replacement whose photos could all be sent withdraws the review; one with such a photo again re-opens it and tells the admins again', async () => {
      const rater = wechatVisitor(1);
      const evaluation = await withPhotos(rater, 5, [await photo(rater, Buffer.concat([PNG, Buffer.from('stuck-1')]), { send: false })]);
      app.advance(60);
      await withPhotos(rater, 5, [await photo(rater, PNG)]);
      expect(await queue(w.admin3.caller)).toEqual([]);
      expect(await app.ok('evaluation', 'evaluationReviews', { status: 'decided' }, w.admin3.caller)).toMatchObject({ items: [] });
      app.advance(60);
      const again = await photo(rater, Buffer.concat([PNG, Buffer.from('stuck-2')]), { send: false });
      await withPhotos(rater, 5, [again]);
      expect((await queue(w.admin3.caller)).map((r) => [r.id, r.photosInReview, r.reviewPhotos])).toEqual([[evaluation.id, true, [again]]]);
      expect(await told()).toEqual([`微信 account:${w.admin3.accountId}`, `微信 account:${w.admin3.accountId}`]);
    });
  });
});

import ExcelJS from 'exceljs';
import type { Caller } from '../../cloudfunctions/app/context';
import type { UnitDoc } from '../../cloudfunctions/app/collections';
import type { ComplaintDoc, EvaluationAppealDoc, EvaluationCaseDoc, EvaluationDoc } from '../../cloudfunctions/app/collections/evaluation';
import { countedRating, upgradeUnitCounts } from '../../cloudfunctions/app/features/evaluation/counts';
import { eachDocument, type Doc } from '../../cloudfunctions/app/ports/store';
import type { UnitStatisticsRowView } from '../../shared/contract/evaluation-views';
import { isWithin } from '../../shared/domain/unit-tree';
import { seedHierarchy, TestApp } from '../support/harness';
import { wechatVisitor } from '../support/evaluation';
import { submitComplete } from '../support/filing';
import { firstCampaignId } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

describe('社会评价统计 for admins, per unit subtree', () => {
  let app: TestApp;
  let h: Hierarchy;
  let campaignId: string;
  let code: string;
  let countyCode: string;

  const all = async <T extends Doc>(collection: string): Promise<T[]> => {
    const docs: T[] = [];
    for await (const doc of eachDocument<T>(app.store, collection, { orderBy: { fields: [], direction: 'asc' } })) docs.push(doc);
    return docs;
  };
  const signIn = async (who: { code: string; password: string }): Promise<Caller> => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });
  const statistics = (caller: Caller, unitId?: string) => app.ok('evaluation', 'unitStatistics', { campaignId, ...(unitId ? { unitId } : {}) }, caller);

  /** What a scan of every stored evaluation, case, complaint and appeal gives for one unit's subtree. */
  async function scanned(unitId: string): Promise<Omit<UnitStatisticsRowView, 'unitName' | 'level'>> {
    const unit = (await app.store.get<UnitDoc>('units', unitId))!;
    const inside = <T extends { unitPath: string; campaignId?: string | null }>(docs: T[]) => docs.filter((d) => isWithin(unit.path, d.unitPath) && (d.campaignId === undefined || d.campaignId === campaignId));
    const evaluations = inside(await all<EvaluationDoc>('evaluations'));
    const counted = evaluations.filter((e) => e.source === 'wechat' && countedRating(e) !== null);
    const satisfied = counted.filter((e) => e.rating >= 3).length;
    const cases = inside(await all<EvaluationCaseDoc>('evaluationCases')).filter((c) => c.status === 'open');
    const complaints = inside(await all<ComplaintDoc>('complaints'));
    const ids = new Set(evaluations.map((e) => e.id));
    const appeals = (await all<EvaluationAppealDoc>('evaluationAppeals')).filter((a) => ids.has(a.id));
    return {
      unitId,
      counted: counted.length,
      web: evaluations.filter((e) => e.source === 'h5' && countedRating(e) !== null).length,
      satisfactionRate: counted.length === 0 ? null : satisfied / counted.length,
      casesOpen: cases.length,
      casesOverdue: cases.filter((c) => c.dueAt <= app.clock.toISOString()).length,
      complaintsFiled: complaints.length,
      complaintsUpheld: complaints.filter((c) => c.verdict === 'upheld').length,
      appealsFiled: appeals.length,
      appealsUpheld: appeals.filter((a) => a.status === 'upheld').length,
    };
  }

  /** Every row and the total of a view equal the scan of their subtree. */
  async function expectScanned(view: { total: UnitStatisticsRowView; rows: UnitStatisticsRowView[] }) {
    for (const row of [view.total, ...view.rows]) expect(row).toMatchObject(await scanned(row.unitId));
  }

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    campaignId = await firstCampaignId(app);
    await submitComplete(app, campaignId, h.collective.caller);
    await submitComplete(app, campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    code = (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).collective.code;
    countyCode = (await app.ok('evaluation', 'publicPage', { collectiveId: h.countyCollective.accountId })).collective.code;
  });
  afterEach(() => app.close());

  /** Evaluations of both branches: a monthly replacement, a folded appeal, a held one counted on review, a browser one. */
  async function evaluateBothBranches() {
    await app.ok('evaluation', 'evaluate', { code, rating: 5 }, wechatVisitor(1));
    const negative = (await app.ok('evaluation', 'evaluate', { code, rating: 1, comment: '等候太久' }, wechatVisitor(2))).evaluation;
    await app.ok('evaluation', 'evaluate', { code, rating: 2 }, wechatVisitor(3));
    // The same person's second 综合点评 this month replaces the first.
    await app.ok('evaluation', 'evaluate', { code, rating: 2, comment: '再评一次' }, wechatVisitor(1));
    const { visitorToken } = await app.ok('openweek', 'startVisit', {});
    await app.ok('evaluation', 'evaluate', { code, rating: 1 }, { visitorToken: visitorToken! });
    await app.ok('evaluation', 'evaluate', { code: countyCode, rating: 4 }, wechatVisitor(4));
    app.deps.riskControl = { rankOf: async () => 4 };
    const held = (await app.ok('evaluation', 'evaluate', { code, rating: 3 }, wechatVisitor(9))).evaluation;
    app.deps.riskControl = { rankOf: async () => 0 };
    await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: held.id, count: true }, h.admin3.caller);
    const REASONS = '评价人并未到访本窗口，评价内容与本集体无关';
    await app.ok('evaluation', 'appeal', { evaluationId: negative.id, ground: 'mistaken', reasons: REASONS }, h.collective.caller);
    await app.ok('evaluation', 'decideAppeal', { appealId: negative.id, uphold: true, comment: '核实为误评' }, h.admin1.caller);
    const third = (await app.ok('evaluation', 'collectiveEvaluations', {}, h.collective.caller)).items.find((e) => e.rating === 2 && e.comment === null)!;
    await app.ok('evaluation', 'appeal', { evaluationId: third.id, ground: 'malicious', reasons: REASONS }, h.collective.caller);
    const { complaint } = await app.ok('evaluation', 'complain', { code, category: 'attitude', text: '窗口人员态度冷淡，答非所问' }, wechatVisitor(5));
    await app.ok('evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'upheld', text: '经核实情况属实，已约谈。' }, h.admin3.caller);
    await app.ok('evaluation', 'complain', { code: countyCode, category: 'attitude', text: '护士说话不耐烦，解释不清' }, wechatVisitor(6));
  }

  test('the office sees a row per level-1 unit whose figures equal a scan of the stored records, and drills down to the station', async () => {
    await evaluateBothBranches();
    const office = await statistics(h.office.caller);
    expect(office.rows.map((r) => r.unitName)).toEqual(expect.arrayContaining([h.units.transport.name, h.units.county.name]));
    await expectScanned(office);
    const transport = office.rows.find((r) => r.unitId === h.units.transport.id)!;
    // 公交一路: 2 (replaced 5), 2, 3 (counted on review); the 1 folded by the appeal; the browser's 1 apart (its case still open).
    expect(transport).toMatchObject({ counted: 3, web: 1, satisfactionRate: 1 / 3, casesOpen: 3, complaintsFiled: 1, complaintsUpheld: 1, appealsFiled: 2, appealsUpheld: 1 });
    expect(office.rows.find((r) => r.unitId === h.units.county.id)).toMatchObject({ counted: 1, satisfactionRate: 1, casesOpen: 0, complaintsFiled: 1, appealsFiled: 0 });
    expect(office.total).toMatchObject({ counted: 4, web: 1 });
    expect(office.parentUnitId).toBeNull();

    for (const unit of [h.units.transport, h.units.bureau, h.units.station]) {
      const view = await statistics(h.office.caller, unit.id);
      expect(view.total.unitId).toBe(unit.id);
      expect(view.parentUnitId).toBe(unit.parentId);
      await expectScanned(view);
    }
    expect((await statistics(h.office.caller, h.units.transport.id)).rows.map((r) => r.unitId)).toEqual([h.units.bureau.id]);

    // Past the follow-up deadline the open cases are overdue.
    app.advance(20 * 24 * 60);
    const later = await statistics(await signIn(h.office), h.units.station.id);
    expect(later.total).toMatchObject({ casesOpen: 3, casesOverdue: 3 });
    await expectScanned(later);
  });

  test('the trend counts an evaluation in its China-time month: 23:59:59 on the 30th in November, 00:00 on the 1st in December', async () => {
    app.clock = new Date('2018-11-30T15:59:59.000Z');
    await app.ok('evaluation', 'evaluate', { code, rating: 5 }, wechatVisitor(1));
    app.clock = new Date('2018-11-30T16:00:00.000Z');
    await app.ok('evaluation', 'evaluate', { code, rating: 1 }, wechatVisitor(2));
    await app.ok('evaluation', 'evaluate', { code, rating: 4 }, wechatVisitor(3));
    const { trend } = await statistics(await signIn(h.admin1));
    expect(trend).toHaveLength(12);
    expect(trend[0].month).toBe('2018-01');
    expect(trend.slice(-2)).toEqual([
      { month: '2018-11', counted: 1, satisfactionRate: 1 },
      { month: '2018-12', counted: 2, satisfactionRate: 0.5 },
    ]);
    expect(trend.slice(0, -2).every((m) => m.counted === 0 && m.satisfactionRate === null)).toBe(true);
  });

  test('an admin drills down inside their subtree only: another branch is refused and nothing is written', async () => {
    await evaluateBothBranches();
    const own = await statistics(h.admin1.caller);
    expect(own.total.unitId).toBe(h.units.transport.id);
    expect(own.parentUnitId).toBeNull();
    expect((await statistics(h.admin1.caller, h.units.bureau.id)).parentUnitId).toBe(h.units.transport.id);
    const before = await app.snapshot();
    expect(await app.call('evaluation', 'unitStatistics', { campaignId, unitId: h.units.county.id }, h.admin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('evaluation', 'exportUnitStatistics', { campaignId, unitId: h.units.transport.id }, h.admin3.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('the data upgrade counts evaluations and appeals from before the counters once', async () => {
    await evaluateBothBranches();
    const expected = await statistics(h.office.caller);
    // As an older version left them: no unit counters, evaluations unmarked.
    for (const shard of await all<Doc>('evaluationUnitCounts')) await app.store.remove('evaluationUnitCounts', shard.id);
    for (const e of await all<EvaluationDoc>('evaluations')) await app.store.update('evaluations', e.id, { set: { unitCounted: false } });
    expect((await statistics(h.office.caller)).total).toMatchObject({ counted: 0, web: 0, appealsFiled: 0 });

    expect(await upgradeUnitCounts(app.deps)).toBe(6);
    expect(await statistics(h.office.caller)).toEqual(expected);
    expect(await upgradeUnitCounts(app.deps)).toBe(0);
    expect(await statistics(h.office.caller)).toEqual(expected);
    // From the mark on, later moves count as before: a new evaluation adds to the figures.
    await app.ok('evaluation', 'evaluate', { code: countyCode, rating: 1 }, wechatVisitor(7));
    await expectScanned(await statistics(h.office.caller));
  });

  test('the export is an xlsx of the rows shown, their total and the trend', async () => {
    await evaluateBothBranches();
    const view = await statistics(h.admin1.caller);
    const file = await app.ok('evaluation', 'exportUnitStatistics', { campaignId }, h.admin1.caller);
    expect(file.fileName).toMatch(/^社会评价统计表-.+-2018-11-20\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('社会评价统计')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(String(sheet.getCell(1, 1).value)).toContain('社会评价统计表');
    expect(values(3)).toEqual(['序号', '单位', '微信评价数', '满意率（%）', '网页评价数', '差评待回访', '其中逾期', '投诉', '投诉属实', '申诉', '申诉成立']);
    expect(file.rows).toBe(view.rows.length);
    expect(values(4)).toEqual([1, h.units.bureau.name, 3, 33.3, 1, 3, 0, 1, 1, 2, 1]);
    expect(values(5)).toEqual(['合计', h.units.transport.name, 3, 33.3, 1, 3, 0, 1, 1, 2, 1]);
    expect(values(7)).toEqual(['月份', '', '微信评价数', '满意率（%）']);
    expect(values(19)).toEqual(['2018-11', '', 3, 33.3]);
  });
});

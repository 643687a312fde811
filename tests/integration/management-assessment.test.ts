import ExcelJS from 'exceljs';
import type { EvaluationCaseDoc, PublicPageDoc } from '../../cloudfunctions/app/collections/evaluation';
import type { CreationCountDoc, CreationEntryDoc } from '../../cloudfunctions/app/collections/creationlog';
import type { CollectiveDoc, FilingDoc } from '../../cloudfunctions/app/collections/filing';
import type { EventDoc } from '../../cloudfunctions/app/collections/openweek';
import type { Caller } from '../../cloudfunctions/app/context';
import { sheetId } from '../../cloudfunctions/app/features/management/assessment';
import { runDataUpgrades } from '../../cloudfunctions/app/jobs/data-upgrades';
import { escalateOverdueCases } from '../../cloudfunctions/app/jobs/evaluation-escalation';
import { findAll } from '../../cloudfunctions/app/ports/store';
import type { EvidenceView } from '../../shared/contract/management-assessment';
import { SUBMITTED } from '../../shared/domain/filing/tally';
import { isWithin } from '../../shared/domain/unit-tree';
import { expectOutcome, matrixCases } from '../support/authorization';
import { submitted } from '../support/creationlog';
import { wechatVisitor } from '../support/evaluation';
import { seedFiling, submitComplete } from '../support/filing';
import { TestApp } from '../support/harness';
import { eventFields } from '../support/openweek';

type World = Awaited<ReturnType<typeof seedFiling>>;

const ledgerEntry = (campaignId: string, kind: string, title: string) => ({
  campaignId, kind, date: '2018-11-25', title, place: '交通运输局三楼会议室', participants: 30, summary: '部署本届青年文明号创建工作，明确报备与培训安排。',
});
const REPORT = '两年来，交通行业团组织坚持“重在创建、贵在管理”，完善组织机制，开展集中培训。';
const factOf = (evidence: EvidenceView, no: number, label: string) => evidence.items.find((i) => i.no === no)?.facts.find((f) => f.label === label);

describe('the 考评 of managing units', () => {
  let app: TestApp;
  let w: World;
  let roundId: string;
  beforeEach(async () => {
    app = new TestApp();
    w = await seedFiling(app);
    roundId = (await app.ok('management', 'openAssessment', { campaignId: w.campaignId }, w.office.caller)).round.id;
  });
  afterEach(() => app.close());

  const score = (unitId: string, no: number, points: number, caller: Caller = w.office.caller) =>
    app.call('management', 'scoreAssessmentItem', { roundId, unitId, no, points, note: `第${no}项评分说明` }, caller);

  test('the office opens one round per term with the notice’s eleven items; the points change until the first score', async () => {
    const { items } = await app.ok('management', 'listAssessments', {}, w.admin1.caller);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ term: '2017—2018', status: 'open', scoringStarted: false });
    expect(items[0].items.map((i) => i.name)).toEqual(['组织机制', '工作规范', '培训指导', '跟踪监督', '联系沟通', '覆盖领域', '基层规模', '活动载体', '氛围营造', '加分项', '减分项']);
    await expectOutcome(app, () => app.call('management', 'openAssessment', { campaignId: w.campaignId }, w.office.caller), 'ASSESSMENT_EXISTS');

    const { round } = await app.ok('management', 'setAssessmentPoints', { roundId, points: [{ no: 7, max: 25 }, { no: 9, max: 5 }] }, w.office.caller);
    expect(round.items.filter((i) => [7, 9].includes(i.no)).map((i) => i.max)).toEqual([25, 5]);
    expect((await score(w.units.county.id, 7, 25)).ok).toBe(true);
    await expectOutcome(app, () => app.call('management', 'setAssessmentPoints', { roundId, points: [{ no: 7, max: 20 }] }, w.office.caller), 'ASSESSMENT_SCORING_STARTED');
  });

  test('the evidence on a unit’s sheet equals what its records hold, and is kept as it stood at submission', async () => {
    await app.ok('management', 'recordLedgerEntry', ledgerEntry(w.campaignId, 'meeting', '创建工作推进会'), w.admin1.caller);
    await app.ok('management', 'recordLedgerEntry', ledgerEntry(w.campaignId, 'training', '青年文明号号长培训班'), w.admin1.caller);
    await submitComplete(app, w.campaignId, w.collective.caller);
    const entry = await submitted(app, w.collective.caller);
    await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: true, version: entry.version }, w.collective.caller);
    await submitted(app, w.countyCollective.caller).then((e) => app.ok('creationlog', 'setPublic', { entryId: e.id, public: true, version: e.version }, w.countyCollective.caller));
    await submitted(app, w.collective.caller); // submitted, not public
    const { event } = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), w.campaignId), w.collective.caller);
    await app.ok('openweek', 'publishEvent', { eventId: event.id }, w.collective.caller);

    const { sheet } = await app.ok('management', 'assessmentSheet', { roundId }, w.admin1.caller);
    const filings = (await findAll<FilingDoc>(app.store, 'filings', { where: { campaignId: w.campaignId }, orderBy: { fields: ['updatedAt'], direction: 'asc' } }))
      .filter((f) => isWithin(w.units.transport.path, f.unitPath) && SUBMITTED[f.status]);
    const events = (await findAll<EventDoc>(app.store, 'events', { orderBy: { fields: ['createdAt'], direction: 'asc' } })).filter((e) => isWithin(w.units.transport.path, e.unitPath) && e.status === 'published');
    expect(filings).toHaveLength(1);
    expect(factOf(sheet.evidence, 7, '报备数')?.value).toBe(filings.length);
    expect(factOf(sheet.evidence, 7, '往届集体')?.value).toBe(filings.filter((f) => f.topTitle !== 'none').length);
    expect(factOf(sheet.evidence, 1, '五个一·专题会议')).toMatchObject({ value: 1, entries: ['2018-11-25 创建工作推进会'] });
    expect(factOf(sheet.evidence, 3, '五个一·集中培训')).toMatchObject({ value: 1, entries: ['2018-11-25 青年文明号号长培训班'] });
    expect(factOf(sheet.evidence, 4, '五个一·检查调研')).toMatchObject({ value: 0, entries: [] });
    expect(factOf(sheet.evidence, 5, '辖区集体提交的创建日志')?.value).toBe(2);
    const entries = await findAll<CreationEntryDoc>(app.store, 'creationEntries', { orderBy: { fields: ['updatedAt'], direction: 'asc' } });
    const publicOfUnit = entries.filter((e) => isWithin(w.units.transport.path, e.unitPath) && e.publicState === 'public');
    expect(publicOfUnit).toHaveLength(1);
    expect(factOf(sheet.evidence, 9, '辖区集体公开的创建日志')?.value).toBe(publicOfUnit.length);
    expect(factOf(sheet.evidence, 8, '开放周活动（已发布或已举办）')?.value).toBe(events.length);
    expect(sheet).toMatchObject({ unitKind: 'industry', applicable: [2, 3, 4, 5, 7, 8, 9, 10, 11], submittedAt: null, scores: null, total: null });

    const after = await app.ok('management', 'submitAssessmentReport', { roundId, report: REPORT, ledgerConfirmed: true }, w.admin1.caller);
    expect(after.sheet).toMatchObject({ report: REPORT, reportChars: 39, ledgerConfirmed: true, submittedByName: '交通行业一级管理员' });
    // Work recorded after submission does not change what the office scores against.
    await app.ok('management', 'recordLedgerEntry', ledgerEntry(w.campaignId, 'meeting', '第二次推进会'), w.admin1.caller);
    const seen = await app.ok('management', 'assessmentSheet', { roundId, unitId: w.units.transport.id }, w.office.caller);
    expect(factOf(seen.sheet.evidence, 1, '五个一·专题会议')?.value).toBe(1);
    expect(seen.sheet.evidence).toEqual(after.sheet.evidence);
  });

  describe('item 5 counts the creation-log entries the unit’s admins read and the guidance they gave', () => {
    const GUIDANCE = '本单位及下级单位对创建日志的指导意见';
    const READ = '其中管理单位已阅（一至三级管理员阅读过）';
    const shown = async (unitId: string) => {
      const { evidence } = (await app.ok('management', 'assessmentSheet', { roundId, unitId }, w.office.caller)).sheet;
      return { guidance: factOf(evidence, 5, GUIDANCE)?.value, read: factOf(evidence, 5, READ)?.value };
    };
    /** What the records hold: guidance given by admins of the unit's subtree, and its entries read in their branch. */
    const held = async (unitPath: string) => {
      const entries = await findAll<CreationEntryDoc>(app.store, 'creationEntries', { orderBy: { fields: ['updatedAt'], direction: 'asc' } });
      return {
        guidance: entries.flatMap((e) => e.guidance).filter((g) => g.authorUnitPath !== undefined && isWithin(unitPath, g.authorUnitPath)).length,
        read: entries.filter((e) => isWithin(unitPath, e.unitPath) && (e.readL1 || e.readL2 || e.readL3)).length,
      };
    };
    const guide = (entryId: string, who: World['admin1']) => app.ok('creationlog', 'addGuidance', { entryId, text: '请补充服务人次的统计方法。' }, who.caller);
    const read = (entryId: string, who: World['admin1']) => app.ok('creationlog', 'readEntry', { entryId }, who.caller);
    let ours = '';
    let unread = '';

    beforeEach(async () => {
      ours = (await submitted(app, w.collective.caller)).id;
      unread = (await submitted(app, w.collective.caller)).id;
      const theirs = (await submitted(app, w.countyCollective.caller)).id;
      await read(ours, w.admin2);
      await read(ours, w.admin3); // read twice in the branch, counted once
      await guide(ours, w.admin2);
      await guide(ours, w.admin3);
      await read(unread, w.office); // the office's reading and guidance are not the unit's work
      await guide(ours, w.office);
      await read(theirs, w.countyAdmin1); // another branch's
      await guide(theirs, w.countyAdmin1);
    });

    test('the evidence equals what the records hold for the unit’s subtree, and nothing of another branch or the office', async () => {
      expect(await shown(w.units.transport.id)).toEqual({ guidance: 2, read: 1 });
      expect(await shown(w.units.transport.id)).toEqual(await held(w.units.transport.path));
      expect(await shown(w.units.county.id)).toEqual({ guidance: 1, read: 1 });
      expect(await shown(w.units.county.id)).toEqual(await held(w.units.county.path));
      // The entries stay in the month lists as before: guidance and reads add no month of their own.
      const stats = await app.ok('creationlog', 'stats', { campaignId: w.campaignId }, w.admin1.caller);
      expect(stats.months.map((m) => m.total)).toEqual([2]);
    });

    test('guidance and reads from before they were counted are counted by the data upgrade once, and later ones once more', async () => {
      // As an older version left them: guidance without its author's path, reads unmarked, counters without either.
      for (const entry of await findAll<CreationEntryDoc>(app.store, 'creationEntries', { orderBy: { fields: ['updatedAt'], direction: 'asc' } })) {
        const { readCounted: _counted, ...legacy } = entry;
        void _counted;
        await app.store.remove('creationEntries', entry.id);
        await app.store.insert('creationEntries', { ...legacy, guidance: entry.guidance.map(({ authorUnitPath: _path, ...record }) => (void _path, record)) });
      }
      for (const shard of await findAll<CreationCountDoc>(app.store, 'creationCounts', { where: { campaignId: w.campaignId }, orderBy: { fields: ['unitId'], direction: 'asc' } })) {
        await app.store.update('creationCounts', shard.id, { set: { guidance: 0, read: 0 } });
      }
      expect(await shown(w.units.transport.id)).toEqual({ guidance: 0, read: 0 });

      await runDataUpgrades(app.deps);
      await runDataUpgrades(app.deps);
      expect(await shown(w.units.transport.id)).toEqual({ guidance: 2, read: 1 });
      expect(await shown(w.units.county.id)).toEqual({ guidance: 1, read: 1 });

      await guide(ours, w.admin1);
      await read(ours, w.admin1); // read in the branch already
      await read(unread, w.admin1); // first read in the branch
      expect(await shown(w.units.transport.id)).toEqual({ guidance: 3, read: 2 });
      expect(await shown(w.units.transport.id)).toEqual(await held(w.units.transport.path));
    });
  });

  test('item 4 shows the 差评 cases of the unit’s collectives in the campaign as they stand: opened, answered in time, overdue, escalated', async () => {
    await submitComplete(app, w.campaignId, w.collective.caller);
    await submitComplete(app, w.campaignId, w.countyCollective.caller);
    const codeOf = async (collectiveId: string) => (await app.ok('evaluation', 'publicPage', { collectiveId })).collective.code;
    const [ours, theirs] = [await codeOf(w.collective.accountId), await codeOf(w.countyCollective.accountId)];
    const inTime = (await app.ok('evaluation', 'evaluate', { code: ours, rating: 1, comment: '态度恶劣' }, wechatVisitor(1))).evaluation;
    const late = (await app.ok('evaluation', 'evaluate', { code: ours, rating: 2 }, wechatVisitor(2))).evaluation;
    await app.ok('evaluation', 'evaluate', { code: ours, rating: 2 }, wechatVisitor(3));
    await app.ok('evaluation', 'evaluate', { code: ours, rating: 5 }, wechatVisitor(4));
    await app.ok('evaluation', 'evaluate', { code: theirs, rating: 1 }, wechatVisitor(5)); // 岳阳县’s, not 交通’s
    await app.ok('evaluation', 'replyToCase', { caseId: inTime.id, kind: 'rectification', text: '已约谈当班人员并增加高峰期窗口' }, w.collective.caller);

    // Sessions lapse over the fortnight below: each call signs in afresh.
    const signIn = async (who: World['admin1']) => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });
    const item4 = async () => (await app.ok('management', 'assessmentSheet', { roundId }, await signIn(w.admin1))).sheet.evidence.items.find((i) => i.no === 4)!;
    const figures = async () => Object.fromEntries((await item4()).facts.slice(1).map((f) => [f.label.replace('差评回访整改：', ''), f.value]));
    expect(await figures()).toEqual({ 立案: 3, 按期答复: 1, '逾期（超期未答复或超期答复）': 0, 转交管理单位: 0 });

    app.advance(14 * 24 * 60); // past every deadline: the job sends the two unanswered cases to the managing unit
    await escalateOverdueCases(app.deps);
    await app.ok('evaluation', 'replyToCase', { caseId: late.id, kind: 'explanation', text: '已回访评价人并说明情况' }, await signIn(w.collective));
    expect(await figures()).toEqual({ 立案: 3, 按期答复: 1, '逾期（超期未答复或超期答复）': 2, 转交管理单位: 2 });

    // The same figures, read off the cases themselves.
    const cases = (await findAll<EvaluationCaseDoc>(app.store, 'evaluationCases', { orderBy: { fields: ['updatedAt'], direction: 'asc' } }))
      .filter((c) => c.unitL1 === w.units.transport.id && c.campaignId === w.campaignId && c.status !== 'withdrawn');
    const now = app.clock.toISOString();
    expect(await figures()).toEqual({
      立案: cases.length,
      按期答复: cases.filter((c) => c.reply && c.reply.at < c.dueAt).length,
      '逾期（超期未答复或超期答复）': cases.filter((c) => (c.reply ? c.reply.at >= c.dueAt : now >= c.dueAt)).length,
      转交管理单位: cases.filter((c) => c.escalated).length,
    });
  });

  test('item 9 counts the unit’s active collectives whose 三亮 page has commitment, address and service hours all filled, and their public entries', async () => {
    const item9 = async () => (await app.ok('management', 'assessmentSheet', { roundId }, w.admin1.caller)).sheet.evidence.items.find((i) => i.no === 9)!;
    const values = async () => (await item9()).facts.map((f) => f.value);
    await app.ok('evaluation', 'ownPublicPage', {}, w.countyCollective.caller); // 岳阳县’s collective has a page too: not 交通’s
    const own = await app.ok('evaluation', 'ownPublicPage', {}, w.collective.caller);
    expect(await values()).toEqual([1, 0, 0, 0]);

    const partial = await app.ok('evaluation', 'updatePublicPage', { commitment: '微笑服务，首问负责，限时办结。', address: '岳阳市岳阳楼区站前路1号', version: own.version }, w.collective.caller);
    expect(await values()).toEqual([1, 0, 0, 0]);
    await app.ok('evaluation', 'updatePublicPage', { commitment: partial.commitment!, address: partial.address!, serviceHours: '每日 6:00—22:00', version: partial.version }, w.collective.caller);
    const shown = await item9();
    expect(shown.facts.map((f) => [f.label, f.value])).toEqual([
      ['辖区在册集体', 1],
      ['“三亮”页面完整的集体（公开承诺、服务地址、服务时间均已填写）', 1],
      ['“三亮”页面完整率', 100],
      ['辖区集体公开的创建日志', 0],
    ]);

    // The same figures, read off the collectives and their pages.
    const active = (await findAll<CollectiveDoc>(app.store, 'collectives', { orderBy: { fields: ['createdAt'], direction: 'asc' } }))
      .filter((c) => isWithin(w.units.transport.path, c.unitPath) && c.status === 'active');
    const pages = await Promise.all(active.map((c) => app.store.get<PublicPageDoc>('publicPages', c.id)));
    expect(await values()).toEqual([active.length, pages.filter((p) => p?.commitment && p.address && p.serviceHours).length, 100, 0]);
  });

  test('item 11 counts complaints only: before any, it shows none upheld (upheld appeals against evaluations are not complaints)', async () => {
    const { sheet } = await app.ok('management', 'assessmentSheet', { roundId }, w.admin1.caller);
    const item11 = sheet.evidence.items.find((i) => i.no === 11);
    expect(item11?.facts.map((f) => [f.label, f.value])).toEqual([['辖区集体经核实属实的投诉', 0], ['辖区集体收到的投诉', 0], ['按期答复的投诉', 0]]);
  });

  test('a report of 2,000 characters (whitespace not counted) is taken, one more is refused by name', async () => {
    const edge = `${'创'.repeat(1999)}。\n\n  `;
    await app.ok('management', 'submitAssessmentReport', { roundId, report: edge, ledgerConfirmed: true }, w.admin1.caller);
    const over = await app.call('management', 'submitAssessmentReport', { roundId, report: `${edge}号`, ledgerConfirmed: true }, w.admin1.caller);
    expect(over).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { report: '情况报告：不能超过2000字' } } });
    const unconfirmed = await app.call('management', 'submitAssessmentReport', { roundId, report: '简短报告', ledgerConfirmed: false }, w.admin1.caller);
    expect(unconfirmed).toMatchObject({ ok: false, error: { fields: { ledgerConfirmed: '工作台账：请确认本单位的工作台账' } } });
  });

  type Who = 'office' | 'ownAdmin1' | 'otherAdmin1' | 'admin2' | 'collective' | 'public';
  const callers = (who: Who): Caller =>
    ({ office: w.office.caller, ownAdmin1: w.admin1.caller, otherAdmin1: w.countyAdmin1.caller, admin2: w.admin2.caller, collective: w.collective.caller, public: {} })[who];
  const refusedBelow = { admin2: 'FORBIDDEN', collective: 'FORBIDDEN', public: 'UNAUTHENTICATED' } as const;
  const officeOnly = { office: 'ok', ownAdmin1: 'FORBIDDEN', otherAdmin1: 'FORBIDDEN', ...refusedBelow } as const;
  type Row = { name: string; call: (caller: Caller) => ReturnType<TestApp['call']>; expect: Record<Who, string> };
  const matrix: Row[] = [
    { name: '交通’s sheet', call: (c) => app.call('management', 'assessmentSheet', { roundId, unitId: w.units.transport.id }, c), expect: { office: 'ok', ownAdmin1: 'ok', otherAdmin1: 'NOT_IN_SCOPE', ...refusedBelow } },
    { name: 'scoring 交通', call: (c) => score(w.units.transport.id, 2, 8, c), expect: officeOnly },
    { name: 'the ranking', call: (c) => app.call('management', 'assessmentRanking', { roundId }, c), expect: officeOnly },
    { name: 'the export', call: (c) => app.call('management', 'exportAssessment', { roundId }, c), expect: officeOnly },
    { name: 'changing points', call: (c) => app.call('management', 'setAssessmentPoints', { roundId, points: [{ no: 2, max: 12 }] }, c), expect: officeOnly },
    { name: 'publishing', call: (c) => app.call('management', 'publishAssessment', { roundId }, c), expect: officeOnly },
    { name: 'a report', call: (c) => app.call('management', 'submitAssessmentReport', { roundId, report: REPORT, ledgerConfirmed: true }, c), expect: { office: 'FORBIDDEN', ownAdmin1: 'ok', otherAdmin1: 'ok', ...refusedBelow } },
  ];
  test.each(matrixCases<Who, string, Row>(matrix))('$name as $who: $outcome', async ({ call, who, outcome }) => {
    await expectOutcome(app, () => call(callers(who)), outcome);
  });

  test('before publication a unit sees its own sheet without scores; a level-2 unit is not assessed', async () => {
    await score(w.units.transport.id, 2, 8);
    const own = await app.ok('management', 'assessmentSheet', { roundId }, w.admin1.caller);
    expect(own.sheet).toMatchObject({ scores: null, total: null, corrections: [] });
    const office = await app.ok('management', 'assessmentSheet', { roundId, unitId: w.units.transport.id }, w.office.caller);
    expect(office.sheet.scores).toEqual({ 2: { points: 8, note: '第2项评分说明' } });
    await expectOutcome(app, () => app.call('management', 'assessmentSheet', { roundId, unitId: w.units.bureau.id }, w.office.caller), 'ASSESSMENT_NOT_ASSESSED');
  });

  test('a 行业 unit is not scored on items 1 and 6, and no score passes an item’s points', async () => {
    await expectOutcome(app, () => score(w.units.transport.id, 1, 5), 'ASSESSMENT_SCORE_INVALID');
    await expectOutcome(app, () => score(w.units.transport.id, 6, 5), 'ASSESSMENT_SCORE_INVALID');
    await expectOutcome(app, () => score(w.units.county.id, 7, 20.5), 'ASSESSMENT_SCORE_INVALID');
    expect((await score(w.units.county.id, 1, 10)).ok).toBe(true);
  });

  test('publication ranks with ties, locks the scores, shows each unit its sheet; a correction is a new version with a reason, audited', async () => {
    // 交通 (行业): 80 on its items → 100 rescaled, +2 −2; 岳阳县 (地方): 100 on all nine, no bonus: both 100.
    for (const [no, max] of [[2, 10], [3, 10], [4, 10], [5, 10], [7, 20], [8, 10], [9, 10], [10, 2], [11, 2]]) await score(w.units.transport.id, no, max);
    for (const [no, max] of [[1, 10], [2, 10], [3, 10], [4, 10], [5, 10], [6, 10], [7, 20], [8, 10], [9, 10]]) await score(w.units.county.id, no, max);
    await app.ok('management', 'publishAssessment', { roundId }, w.office.caller);

    const { rows } = await app.ok('management', 'assessmentRanking', { roundId }, w.office.caller);
    expect(rows.slice(0, 3).map((r) => [r.unitName, r.rank, r.total])).toEqual([['交通', 1, 100], ['岳阳县', 1, 100], [expect.any(String), 3, 0]]);
    expect(rows.find((r) => r.unitName === '交通')).toMatchObject({ base: 80, scaledBase: 100, bonus: 2, deduction: 2 });

    const own = await app.ok('management', 'assessmentSheet', { roundId }, w.admin1.caller);
    expect(own.sheet).toMatchObject({ version: 1, total: { total: 100 }, scores: { 10: { points: 2, note: '第10项评分说明' } } });
    await expectOutcome(app, () => score(w.units.transport.id, 2, 5), 'ASSESSMENT_PUBLISHED');
    await expectOutcome(app, () => app.call('management', 'submitAssessmentReport', { roundId, report: REPORT, ledgerConfirmed: true }, w.admin1.caller), 'ASSESSMENT_PUBLISHED');
    await expectOutcome(app, () => app.call('management', 'publishAssessment', { roundId }, w.office.caller), 'ASSESSMENT_PUBLISHED');

    const correction = { roundId, unitId: w.units.transport.id, no: 11, points: 4, note: '投诉核实后扣分', reason: '补充核实的社会投诉' };
    await expectOutcome(app, () => app.call('management', 'correctAssessmentScore', correction, w.admin1.caller), 'FORBIDDEN');
    const corrected = await app.ok('management', 'correctAssessmentScore', correction, w.office.caller);
    expect(corrected.sheet).toMatchObject({ version: 2, total: { total: 98 }, corrections: [{ version: 2, no: 11, from: { points: 2 }, to: { points: 4 }, reason: '补充核实的社会投诉' }] });
    const after = await app.ok('management', 'assessmentRanking', { roundId }, w.office.caller);
    expect(after.rows.slice(0, 2).map((r) => [r.unitName, r.rank, r.total, r.version])).toEqual([['岳阳县', 1, 100, 1], ['交通', 2, 98, 2]]);
    const trail = await app.ok('admin', 'listAudit', { objectId: sheetId(roundId, w.units.transport.id) }, w.office.caller);
    expect(trail.items.find((a) => a.action === 'management.correctAssessmentScore')).toMatchObject({ reason: '补充核实的社会投诉' });

    const file = await app.ok('management', 'exportAssessment', { roundId }, w.office.caller);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(3).getCell(4).text).toBe('1.组织机制（10分）');
    expect([4, 5].map((r) => [sheet.getRow(r).getCell(1).text, sheet.getRow(r).getCell(2).text, sheet.getRow(r).getCell(4).text, sheet.getRow(r).getCell(19).text])).toEqual([
      ['1', '岳阳县', '10', '100'],
      ['2', '交通', '不考核', '98'],
    ]);
    expect(file.rows).toBe(rows.length);
  });
});

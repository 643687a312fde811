import type { Envelope } from '../../shared/envelope';
import type { AssessmentSheetView, EvidenceView } from '../../shared/contract/management-assessment';
import { ASSESSMENT_ITEM_NOS, REPORT_MAX_CHARS } from '../../shared/domain/management/assessment';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { adminView, assessmentRoundView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const round = assessmentRoundView();
const fact = (label: string, value: number | null, unit: string, entries: string[] = []) => ({ label, value, unit, entries });
/** What 交通's own records hold, as management.assessmentSheet reads them before submission. */
const evidence: EvidenceView = {
  asOf: '2019-02-10T02:00:00.000Z',
  items: ASSESSMENT_ITEM_NOS.map((no) => ({
    no,
    facts:
      no === 3 ? [fact('五个一·集中培训', 2, '次', ['2018-11-25 青年文明号号长培训班', '2018-12-08 创建工作业务培训'])]
      : no === 5 ? [fact('超7天待一级审核', 1, '件'), fact('辖区集体提交的创建日志', 14, '篇'), fact('其中管理单位已阅（一至三级管理员阅读过）', 11, '篇'), fact('本单位及下级单位对创建日志的指导意见', 6, '条')]
      : no === 7 ? [fact('报备数', 12, '个'), fact('完成率', null, '%')]
      : [],
  })),
};
const sheet = (overrides: Partial<AssessmentSheetView> = {}): AssessmentSheetView => ({
  roundId: 'round-1', unitId: 'u1', unitName: '交通', unitKind: 'industry', report: '', reportChars: 0, ledgerConfirmed: false, submittedAt: null, submittedByName: null,
  evidence, applicable: ASSESSMENT_ITEM_NOS.filter((no) => no !== 1 && no !== 6), scores: null, total: null, version: 1, corrections: [],
  ...overrides,
});

const answer = fakeCloud({
  'account.me': { account: adminView() },
  'management.assessmentSheet': { round, sheet: sheet() },
  'management.submitAssessmentReport': (call): Envelope<FixtureOf<'management.submitAssessmentReport'>> => {
    const { report } = call.data.data as { report: string };
    return { ok: true, data: { sheet: sheet({ report, reportChars: Array.from(report.replace(/\s/gu, '')).length, ledgerConfirmed: true, submittedAt: '2019-02-11T03:00:00.000Z', submittedByName: '交通行业一级管理员' }) } };
  },
});
const submissions = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'management' && c.data.action === 'submitAssessmentReport').map((c) => c.data.data);

/** 考评表 in the mini-program, as 交通's level-1 admin writes its report before publication. */
describe('a level-1 unit’s 考评 sheet in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/management/sheet', { query: { roundId: 'round-1' }, answer });
    await page.waitFor('.assessment-item');
  });

  test('asks for its own unit’s sheet and shows each item with the evidence of its records beside it', () => {
    expect(page.cloud.calls.filter((c) => c.data.action === 'assessmentSheet').map((c) => c.data.data)).toEqual([{ roundId: 'round-1' }]);
    expect(page.texts('.page-intro')).toEqual(['交通 · 2017—2018届次管理单位考评 · 进行中']);
    expect(page.texts('.assessment-item--5 .evidence__label')).toEqual(['超7天待一级审核', '辖区集体提交的创建日志', '其中管理单位已阅（一至三级管理员阅读过）', '本单位及下级单位对创建日志的指导意见']);
    expect(page.texts('.assessment-item--5 .evidence__value')).toEqual(['1 件', '14 篇', '11 篇', '6 条']);
    expect(page.texts('.assessment-item--3 .evidence__entry')).toEqual(['2018-11-25 青年文明号号长培训班', '2018-12-08 创建工作业务培训']);
    expect(page.texts('.assessment-item--7 .evidence__value')).toEqual(['12 个', '—']);
    expect(page.texts('.assessment-item--2 .evidence__none')).toEqual(['系统中无此项记录，依据情况报告评价']);
  });

  test('a 行业 unit sees items 1 and 6 set aside, and no scores before publication', () => {
    expect(page.texts('.assessment-item__skip')).toEqual(['行业单位不考核此项，基础得分按比例折算', '行业单位不考核此项，基础得分按比例折算']);
    expect(page.findAll('.assessment-item--1 .evidence')).toHaveLength(0);
    expect(page.findAll('.score-form')).toHaveLength(0);
    expect(page.findAll('.sheet-total')).toHaveLength(0);
  });

  test('the report’s counter counts as the notice does while typing (spaces and line breaks not counted) and marks going over', async () => {
    expect(page.texts('.report-counter')).toEqual([`0 / ${REPORT_MAX_CHARS} 字（标点计入，空格和换行不计）`]);
    await page.type('.field-report', '完善组织机制，\n开展集中培训。 ');
    await page.waitUntil(() => page.texts('.report-counter')[0]?.startsWith('14 /') === true, 'the counter says 14');
    expect(page.findAll('.report-counter.is-over')).toHaveLength(0);
    await page.type('.field-report', '字'.repeat(REPORT_MAX_CHARS + 1));
    await page.waitUntil(() => page.findAll('.report-counter.is-over').length === 1, 'the counter marks the report as too long');
    expect(page.texts('.report-counter')[0]).toBe(`${REPORT_MAX_CHARS + 1} / ${REPORT_MAX_CHARS} 字（标点计入，空格和换行不计）`);
  });

  test('confirming the ledger and submitting sends the report as typed, then shows who submitted it', async () => {
    const report = '两年来，交通行业团组织坚持“重在创建、贵在管理”。';
    await page.type('.field-report', report);
    await page.tap('.ledger-confirm');
    await page.waitFor('.ledger-confirm.is-checked');
    await page.tap('.btn-submit-report');
    await page.waitUntil(() => submissions(page).length === 1, 'the report was submitted');
    expect(submissions(page)).toEqual([{ roundId: 'round-1', report, ledgerConfirmed: true }]);
    await page.waitFor('.sheet-report__meta');
    expect(page.texts('.sheet-report__meta')).toEqual(['交通行业一级管理员 于 2019-02-11 提交 · 25 字 · 已确认台账']);
    expect(page.texts('.btn-submit-report')).toEqual(['重新提交']);
  });
});

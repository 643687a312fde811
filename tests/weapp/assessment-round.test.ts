import type { Envelope } from '../../shared/envelope';
import type { RankingRowView } from '../../shared/contract/management-assessment';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { assessmentRoundView, campaignView, officeView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const round = assessmentRoundView();
const row = (rank: number, unitId: string, unitName: string, total: number, overrides: Partial<RankingRowView> = {}): RankingRowView => ({
  rank, unitId, unitName, unitKind: 'region', submitted: true, scored: 9, base: total, scaledBase: total, bonus: 0, deduction: 0, total, version: 1, ...overrides,
});
/** Two units tied at the top share rank 1; the next is third. */
const rows = [
  row(1, 'u1', '交通', 82.5, { unitKind: 'industry', scaledBase: 82.5 }),
  row(1, 'u2', '岳阳县', 82.5),
  row(3, 'u3', '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室直属', 0, { submitted: false, scored: 0 }),
];

const answer = fakeCloud({
  'account.me': { account: officeView() },
  'campaign.listCampaigns': { items: [campaignView()] },
  'management.listAssessments': { items: [round] },
  'management.assessmentRanking': { round, rows },
  'management.setAssessmentPoints': (call): Envelope<FixtureOf<'management.setAssessmentPoints'>> => {
    const { points } = call.data.data as { points: Array<{ no: number; max: number }> };
    return { ok: true, data: { round: { ...round, items: round.items.map((item) => ({ ...item, max: points.find((p) => p.no === item.no)?.max ?? item.max })) } } };
  },
});
const callsOf = (page: OpenedPage, action: string) => page.cloud.calls.filter((c) => c.name === 'management' && c.data.action === action).map((c) => c.data.data);

/** 考评 in the mini-program, as the office sees the round of the newest campaign's term. */
describe('the office’s 考评 round in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/management/assessment', { answer });
    await page.waitFor('.ranking-row');
  });

  test('lists the round and, while nothing is scored, the points of the eleven items to adjust', () => {
    expect(page.texts('.round-row__title')).toEqual(['2017—2018届次管理单位考评']);
    expect(page.texts('.round-row__status')).toEqual(['进行中']);
    expect(page.texts('.assessment-points .form-field__label')).toEqual(round.items.map((item) => `${item.no}. ${item.name}`));
    expect(page.valueOf('.field-max7')).toBe('20');
    expect(page.valueOf('.field-max11')).toBe('10');
    // The round is open already: no second one is offered.
    expect(page.findAll('.btn-open-assessment')).toHaveLength(0);
  });

  test('ranks the units with ties sharing a place, each with its kind, report and scoring progress', () => {
    expect(callsOf(page, 'assessmentRanking')).toEqual([{ roundId: 'round-1' }]);
    expect(page.texts('.ranking-row__rank')).toEqual(['1', '1', '3']);
    expect(page.texts('.ranking-row__name')).toEqual(['交通', '岳阳县', rows[2].unitName]);
    expect(page.texts('.ranking-row__total')).toEqual(['82.5', '82.5', '0']);
    expect(page.texts('.ranking-row__meta')).toEqual(['行业 · 已提交报告 · 已评 9 项', '地方 · 已提交报告 · 已评 9 项', '地方 · 未提交报告 · 已评 0 项']);
    expect(page.texts('.assessment-ranking .section__title')).toEqual(['考评排名（评分中）']);
  });

  test('a changed point is saved for every item, the others as they were', async () => {
    await page.type('.field-max7', '25');
    await page.tap('.btn-save-points');
    await page.waitUntil(() => callsOf(page, 'setAssessmentPoints').length === 1, 'the points were saved');
    const [saved] = callsOf(page, 'setAssessmentPoints') as Array<{ roundId: string; points: Array<{ no: number; max: number }> }>;
    expect(saved.roundId).toBe('round-1');
    expect(saved.points).toEqual(round.items.map((item) => ({ no: item.no, max: item.no === 7 ? 25 : item.max })));
    await page.waitUntil(() => page.valueOf('.field-max7') === '25', 'the page keeps the saved point');
  });
});

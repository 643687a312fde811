import type { UnitStatisticsRowView } from '../../shared/contract/evaluation-views';
import { RATE_RULE } from '../../shared/domain/evaluation/rules';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { campaignView, officeView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const campaign = campaignView();
const LONG = '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室直属';
const row = (unitId: string, unitName: string, counted: number, satisfied: number, appealsFiled = 0): UnitStatisticsRowView => ({
  unitId, unitName, level: 1, counted, web: 1, satisfactionRate: counted ? satisfied / counted : null,
  casesOpen: counted - satisfied, casesOverdue: 0, complaintsFiled: 1, complaintsUpheld: 0, appealsFiled, appealsUpheld: 0,
});
const months = ['2018-01', '2018-02', '2018-03', '2018-04', '2018-05', '2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11', '2018-12'];
/** What evaluation.unitStatistics answers (fakeCloud checks it against the contract). */
const view: FixtureOf<'evaluation.unitStatistics'> = {
  campaign: { id: campaign.id, name: campaign.name },
  total: { ...row('root', '岳阳市青年职工工作委员会', 12, 9, 3), level: 0 },
  rows: [row('u1', '交通', 8, 8, 1), row('u2', LONG, 4, 1, 2), row('u3', '教育', 0, 0)],
  parentUnitId: null,
  trend: months.map((month, i) => ({ month, counted: i === 11 ? 12 : i === 10 ? 4 : 0, satisfactionRate: i === 11 ? 0.75 : i === 10 ? 1 : null })),
  rule: RATE_RULE,
};

const answer = fakeCloud({
  'account.me': { account: officeView() },
  'campaign.listCampaigns': { items: [campaign] },
  'evaluation.unitStatistics': view,
});
const statisticsCalls = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'evaluation' && c.data.action === 'unitStatistics').map((c) => c.data.data);
const units = (page: OpenedPage) => page.texts('.stats-row--unit .stats-cell--unit').map((t) => t.replace('›', ''));

/** 社会评价统计 in the mini-program: the office's table of level-1 units, sorted by a tapped column head, and the monthly trend. */
describe('the evaluation statistics in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/evaluation/statistics', { answer });
    await page.waitFor('.stats-row--unit');
  });

  test('asks for the newest campaign’s statistics and shows a row per unit with its total', () => {
    expect(statisticsCalls(page)).toEqual([{ campaignId: 'camp-1' }]);
    expect(units(page)).toEqual(['交通', LONG, '教育']);
    expect(page.texts('.stats-row--unit .stats-cell--satisfactionRate')).toEqual(['100%', '25%', '暂无']);
    expect(page.texts('.stats-row--total .stats-cell--counted')).toEqual(['12']);
  });

  test('a column head sorts the rows, largest first, then the other way; units without a rate stay last', async () => {
    await page.tap('.sort-appealsFiled');
    await page.waitUntil(() => units(page)[0] === LONG, 'sorted by appeals');
    expect(units(page)).toEqual([LONG, '交通', '教育']);
    await page.tap('.sort-satisfactionRate');
    await page.waitUntil(() => units(page)[0] === '交通', 'sorted by rate');
    await page.tap('.sort-satisfactionRate');
    await page.waitUntil(() => units(page)[0] === LONG, 'sorted by rate, smallest first');
    expect(units(page)).toEqual([LONG, '交通', '教育']);
  });

  test('shows 12 months of the trend with their counts and rates', () => {
    expect(page.texts('.trend-month__label')).toEqual(months);
    expect(page.texts('.trend-month__figures').slice(-2)).toEqual(['4 条 · 100%', '12 条 · 75%']);
  });

  test('a unit row opens the units under it', async () => {
    // The first row as last sorted: the one with the lowest rate.
    await page.tap('.stats-row--unit');
    await page.waitUntil(() => statisticsCalls(page).length === 2, 'asked for the unit');
    expect(statisticsCalls(page)[1]).toEqual({ campaignId: 'camp-1', unitId: 'u2' });
  });
});

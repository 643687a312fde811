import type { DashboardRowView } from '../../shared/contract/management';
import { FILING_STATUS_LABELS, FILING_STATUSES } from '../../shared/domain/filing/status';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { campaignView, officeView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const campaign = campaignView();
const row = (unitId: string, unitName: string, filed: number, target: number | null): DashboardRowView => ({
  unitId, unitName, kind: 'industry', level: 1, places: target === null ? null : target / 10, base: null, requiredFilings: null, target, targetSource: target === null ? null : 'multiplier',
  filed, approved: 1, progress: target === null ? null : filed / target, pastHolders: 1, pastHolderShare: filed ? 1 / filed : null, nonPublic: 0, nonPublicShare: filed ? 0 : null,
  overdue: { level1: 0, level2: 2, level3: 0 },
  fiveOnes: { done: 3, missing: ['training', 'liaisonPlatform'] },
});
/** What management.dashboard answers (fakeCloud checks it against the contract). */
const view = (overdueDays: number): FixtureOf<'management.dashboard'> => ({
  campaign,
  total: { ...row('root', '岳阳市青年职工工作委员会', 12, 40), level: 0, kind: 'office', targetSource: 'sum' },
  rows: [row('u1', '交通', 12, 20), row('u2', '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室直属', 0, null)],
  parentUnitId: null,
  overdueDays,
  statusMix: FILING_STATUSES.map((status) => ({ status, label: FILING_STATUS_LABELS[status], count: status === 'filed' ? 11 : status === 'approved' ? 1 : 0 })),
  weeks: [{ monday: '2018-11-19', count: 5 }, { monday: '2018-11-26', count: 0 }, { monday: '2018-12-03', count: 7 }],
  countdown: { state: 'open', opensAt: '2018-11-12T16:00:00.000Z', closesAt: '2019-01-19T16:00:00.000Z', now: '2019-01-17T12:58:57.000Z' },
});

const answer = fakeCloud({
  'account.me': { account: officeView() },
  'campaign.listCampaigns': { items: [campaign] },
  'management.dashboard': (call) => ({ ok: true, data: view((call.data.data as { overdueDays: number }).overdueDays) }),
});
const dashboardCalls = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'management' && c.data.action === 'dashboard').map((c) => c.data.data);

/** 报备进度 in the mini-program: the office's table of units with their bars, the countdown on the server's clock, and its choices. */
describe('the quota dashboard in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/management/dashboard', { answer });
    await page.waitFor('.unit-row__progress');
  });

  test('asks for the newest campaign’s dashboard and shows each unit against its target', () => {
    expect(dashboardCalls(page)).toEqual([{ campaignId: 'camp-1', overdueDays: 7 }]);
    expect(page.texts('.dashboard-units .unit-row__name')).toEqual(['交通', '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室直属']);
    expect(page.texts('.dashboard-units .unit-row__progress')).toEqual(['报备 12 / 目标 20（60%）', '报备 0（未设名额）']);
    expect(page.texts('.dashboard-units .unit-row__overdue')).toEqual(['超7天待审：一级 0 · 二级 2 · 三级 0', '超7天待审：一级 0 · 二级 2 · 三级 0']);
    expect(page.texts('.dashboard-units .unit-row__five-ones')[0]).toBe('五个一 3/5，缺 集中培训、常态化联系平台');
  });

  test('counts down on the server’s clock, not the phone’s', () => {
    expect(page.texts('.countdown__text')[0]).toMatch(/^距报备截止还有 2 天 3 小时 1 分 \d+ 秒$/);
  });

  test('shows every week from the first to the last, an empty one included, and the status mix', () => {
    expect(page.texts('.dashboard-weeks .count-bar__label')).toEqual(['2018-11-19 起', '2018-11-26 起', '2018-12-03 起']);
    expect(page.texts('.dashboard-weeks .count-bar__count')).toEqual(['5', '0', '7']);
    expect(page.texts('.dashboard-statuses .count-bar__count')).toHaveLength(FILING_STATUSES.length);
  });

  test('another overdue threshold asks again, and a unit row opens the units under it', async () => {
    await page.tap('.overdue-days-15');
    await page.waitUntil(() => dashboardCalls(page).length === 2, 'the dashboard asked again');
    expect(dashboardCalls(page)[1]).toEqual({ campaignId: 'camp-1', overdueDays: 15 });
    await page.waitUntil(() => page.texts('.dashboard-units .unit-row__overdue')[0]?.startsWith('超15天') === true, 'the rows say 15 days');
    await page.tap('.dashboard-units .unit-row--open');
    await page.waitUntil(() => dashboardCalls(page).length === 3, 'the dashboard asked for the unit');
    expect(dashboardCalls(page)[2]).toEqual({ campaignId: 'camp-1', unitId: 'u1', overdueDays: 15 });
  });
});

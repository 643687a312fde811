import { fakeCloud } from './support/cloud';
import { accountView, campaignView, collectiveView, filingView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';
import { eventView } from './support/openweek-fixture';

const collective = accountView({ id: 'acc-collective', name: '岳阳市公交二路青年班组', unitId: 'u1', unitName: '交通' });

const answer = fakeCloud({
  'account.me': { account: collective },
  'openweek.filters': { types: [], units: [], campaigns: [] },
  'openweek.listEvents': { items: [eventView()], nextCursor: null },
  'filing.getMine': {
    campaign: campaignView('2030-01-20'),
    collective: collectiveView(collective),
    filing: filingView({ collective: collectiveView(collective), status: 'returned', statusLabel: '已退回', feedback: '请补充创建计划的进度安排' }),
  },
});

/** Tab 首页 for a signed-in collective: its filing at a glance, and the same public open-week list as everyone. */
describe('the mini-program 首页, signed in as a collective', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('pages/index/index', { answer });
  });

  test('keeps the public open-week list', async () => {
    await page.waitFor('.event-title');
    expect(page.texts('.event-list .event-title')).toEqual(['公交调度中心开放日']);
    expect(page.findAll('.entry-filings')).toHaveLength(0);
  });

  test('shows the filing’s state, the last day to act, and the feedback of a return', async () => {
    await page.waitFor('.filing-card');
    expect(page.texts('.filing-badge')).toEqual(['已退回']);
    expect(page.texts('.filing-deadline')).toEqual(['截止日期：2030-01-19（含当日）']);
    expect(page.texts('.filing-returned-banner')).toEqual(['已退回，请按意见修改后重新提交：请补充创建计划的进度安排']);
  });
});

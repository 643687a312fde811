import { openPage, type CloudAnswer, type OpenedPage } from './support/mini-program';
import { eventView } from './support/openweek-fixture';

const collective = {
  id: 'acc-collective', code: 'JT7K4MPQ', role: 'collective', level: null, name: '岳阳市公交二路青年班组', unitId: 'u1', unitName: '交通',
  status: 'active', mustChangePassword: false, recoveryEmailMasked: null, wechatBound: true, lockedUntil: null, createdAt: '2018-11-20T02:00:00.000Z',
};
const campaign = {
  id: 'camp-1', name: '2017—2018年度岳阳市青年文明号', level: 'city', term: '2017—2018',
  rules: {
    window: { opens: '2018-11-13', closesBefore: '2030-01-20' },
    conditions: { minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40 },
    eligibility: { kind: 'none' },
    reminderDaysBefore: 3,
  },
  windowText: '2018-11-13 至 2030-01-19（北京时间，2030-01-20 0时起截止）',
  windowState: 'open',
  version: 1,
};

const answer: CloudAnswer = (call) => {
  const key = `${call.name}.${call.data.action}`;
  if (key === 'account.me') return { ok: true, data: { account: collective } };
  if (key === 'openweek.filters') return { ok: true, data: { types: [], units: [], campaigns: [] } };
  if (key === 'openweek.listEvents') return { ok: true, data: { items: [eventView()], nextCursor: null } };
  if (key === 'filing.getMine') {
    return {
      ok: true,
      data: {
        campaign,
        collective: { id: 'acc-collective', name: collective.name, formerNames: [], formerCodes: [], code: collective.code, unitId: 'u1', unitName: '交通', status: 'active', predecessorId: null },
        filing: { status: 'returned', statusLabel: '已退回', feedback: '请补充创建计划的进度安排' },
      },
    };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${key}` } };
};

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

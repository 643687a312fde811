import { RATE_RULE } from '../../shared/domain/evaluation/rules';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { openPage, type OpenedPage } from './support/mini-program';
import { eventView, HOURS } from './support/openweek-fixture';

const card = (overrides: Parameters<typeof eventView>[0]) => {
  const { id, type, title, coverUrl, startAt, endAt, address, collectiveId, collectiveName, capacity, seatsLeft, waiting, status, signupOpensAt, signupClosesAt } = eventView(overrides);
  return { id, type, title, coverUrl, startAt, endAt, address, collectiveId, collectiveName, capacity, seatsLeft, waiting, status, signupOpensAt, signupClosesAt };
};
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();

/** `openweek.collectivePage` as the function answers it: one event coming, one held with its summary. */
const collectivePage: FixtureOf<'openweek.collectivePage'> = {
  collective: {
    id: 'acc-collective',
    name: '岳阳市公交一路青年班组',
    unit: { id: 'u-station', name: '城区公交站' },
    channel: { id: 'u-transport', name: '交通', kind: 'industry' },
  },
  counts: { eventsHeld: 1, upcoming: 1 },
  items: [
    { ...card({ id: 'evt-1' }), when: 'upcoming', summary: null },
    {
      ...card({ id: 'evt-0', title: '站务岗位体验', startAt: iso(-72 * HOURS), endAt: iso(-70 * HOURS), status: 'finished' }),
      when: 'past',
      summary: '共接待市民二十余人，反响良好。',
    },
  ],
  nextCursor: null,
};

const level = (rating: number, label: string, count: number) => ({ rating, label, count });

/** `evaluation.publicPage` as the function answers it: a 创建集体 with its commitment, 8 WeChat evaluations, one comment. */
const face: FixtureOf<'evaluation.publicPage'> = {
  collective: {
    code: 'k7m2p9qrst',
    name: '岳阳市公交一路青年班组',
    formerNames: ['岳阳公交一路班组'],
    unit: { id: 'u-station', name: '城区公交站' },
    channel: { id: 'u-transport', name: '交通', kind: 'industry' },
    eventsCollectiveId: 'acc-collective',
  },
  mark: { campaignName: '2017—2018年度岳阳市青年文明号', term: '2017—2018', levelLabel: '市级', statusLabel: '创建集体' },
  commitment: '微笑服务，首问负责，限时办结。',
  address: '岳阳市岳阳楼区站前路1号',
  serviceHours: '每日 6:00—22:00',
  complaint: { unitName: '交通', phone: '0730-8888888', email: null },
  acceptsEvaluations: true,
  summary: {
    satisfactionRate: 0.75,
    counted: 8,
    levels: [level(5, '非常满意', 4), level(4, '满意', 1), level(3, '基本满意', 1), level(2, '不满意', 2), level(1, '非常不满意', 0)],
    negative: 2,
    followUp: { cases: 2, answeredOnTime: 1 },
    web: { count: 1, levels: [level(5, '非常满意', 1), level(4, '满意', 0), level(3, '基本满意', 0), level(2, '不满意', 0), level(1, '非常不满意', 0)] },
    supervision: { count: 1, levels: [level(5, '非常满意', 0), level(4, '满意', 0), level(3, '基本满意', 0), level(2, '不满意', 1), level(1, '非常不满意', 0)] },
    rule: RATE_RULE,
  },
  comments: {
    items: [{ id: 'ev-1', rating: 2, ratingLabel: '不满意', tags: ['办事效率'], comment: '等候时间太长', channel: 'perService', source: 'wechat', changed: false, excluded: null, at: iso(-HOURS) }],
    nextCursor: null,
  },
  entries: { items: [], nextCursor: null },
};

/** A collective's 三亮 page in the real weapp build, opened as an event's organizer link opens it (`?id=`). */
describe('the mini-program collective page', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('events/collective', {
      query: { id: 'acc-collective' },
      answer: fakeCloud({ 'openweek.collectivePage': collectivePage, 'evaluation.publicPage': face }),
    });
  });

  test('shows who the collective is: name, 行业 and unit, counts', async () => {
    await page.waitFor('.count-held');
    expect(page.texts('.collective-name')).toEqual(['岳阳市公交一路青年班组']);
    expect(page.texts('.collective-unit')).toEqual(['交通（行业） · 城区公交站']);
    expect(page.texts('.count-held')).toEqual(['1']);
    expect(page.texts('.count-upcoming')).toEqual(['1']);
  });

  test('lists the coming event, then the held one with its summary', async () => {
    await page.waitFor('.collective-event-summary');
    expect(page.texts('.collective-part')).toEqual(['即将举行（1）', '已举办（1）']);
    expect(page.texts('.event-title')).toEqual(['公交调度中心开放日', '站务岗位体验']);
    expect(page.texts('.collective-event-summary')).toEqual(['活动总结：共接待市民二十余人，反响良好。']);
    expect(page.texts('.collective-events .list-end')).toEqual(['没有更多了']);
  });

  test('shows the 三亮: the mark, former names, commitment, service place and hours, complaint channel', async () => {
    await page.waitFor('.public-commitment');
    expect(page.texts('.creation-mark__badge')).toEqual(['青年文明号 · 创建集体']);
    expect(page.texts('.former-names')).toEqual(['曾用名称：岳阳公交一路班组']);
    expect(page.texts('.public-commitment')).toEqual(['微笑服务，首问负责，限时办结。']);
    expect(page.texts('.public-address')).toEqual(['服务地址：岳阳市岳阳楼区站前路1号']);
    expect(page.texts('.public-hours')).toEqual(['服务时间：每日 6:00—22:00']);
    expect(page.texts('.complaint-phone')).toEqual(['电话：0730-8888888']);
  });

  test('shows the satisfaction rate with its rule, the counts per level, 网页评价 apart, and the comment', async () => {
    await page.waitFor('.satisfaction-rate');
    expect(page.texts('.satisfaction-rate')).toEqual(['75%']);
    expect(page.texts('.evaluation-level__count')).toEqual(['4', '1', '1', '2', '0']);
    expect(page.texts('.rate-rule')).toEqual([RATE_RULE]);
    expect(page.texts('.web-evaluations')).toEqual(['网页评价 1 条（差评 0 条）']);
    expect(page.texts('.follow-up-share')).toEqual(['差评按期答复 1/2']);
    expect(page.texts('.evaluation-comment')).toEqual(['等候时间太长']);
    expect(page.texts('.btn-evaluate')).toEqual(['评价']);
  });

  test('asks the evaluation function for the page, then openweek for the events its collective organizes', () => {
    // In WeChat every viewer is a visitor, so the page also asks whether they supervise this collective (监督查评).
    expect(page.cloud.calls.filter((c) => c.name === 'evaluation')).toEqual([
      { name: 'evaluation', data: { action: 'publicPage', data: { collectiveId: 'acc-collective' } } },
      { name: 'evaluation', data: { action: 'mySupervision', data: { code: 'k7m2p9qrst' } } },
    ]);
    expect(page.cloud.calls.filter((c) => c.name === 'openweek')).toEqual([{ name: 'openweek', data: { action: 'collectivePage', data: { collectiveId: 'acc-collective' } } }]);
  });

  test('its share card opens the page by the public code', () => {
    const [current] = (globalThis as unknown as { getCurrentPages: () => Array<{ onShareAppMessage?: (o: unknown) => { title: string; path: string } }> }).getCurrentPages();
    const share = current.onShareAppMessage?.({ from: 'menu' });
    expect(share).toMatchObject({ title: '岳阳市公交一路青年班组｜青年文明号三亮主页', path: '/events/collective?code=k7m2p9qrst' });
  });
});

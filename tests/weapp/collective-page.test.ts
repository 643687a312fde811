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

/** A collective's public page in the real weapp build, opened as a share card opens it (`?id=`). */
describe('the mini-program collective page', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('events/collective', {
      query: { id: 'acc-collective' },
      answer: fakeCloud({ 'openweek.collectivePage': collectivePage }),
    });
  });

  test('shows who the collective is: name, 行业 and unit, counts', async () => {
    await page.waitFor('.collective-name');
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
    expect(page.texts('.list-end')).toEqual(['没有更多了']);
  });

  test('asks the openweek function for this collective’s page', () => {
    const calls = page.cloud.calls.filter((c) => c.name === 'openweek');
    expect(calls).toEqual([{ name: 'openweek', data: { action: 'collectivePage', data: { collectiveId: 'acc-collective' } } }]);
  });

  test('its share card opens this page directly', () => {
    const [current] = (globalThis as unknown as { getCurrentPages: () => Array<{ onShareAppMessage?: (o: unknown) => { title: string; path: string } }> }).getCurrentPages();
    const share = current.onShareAppMessage?.({ from: 'menu' });
    expect(share).toMatchObject({ title: '岳阳市公交一路青年班组｜青年文明号', path: '/events/collective?id=acc-collective' });
  });
});

import { fakeCloud, type CloudCall } from './support/cloud';
import { accountView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

/** What the page sent to openweek.createEvent; the fake cloud refuses it so that the form stays on screen. */
const saved: CloudCall[] = [];
const answer = fakeCloud({
  'account.me': { account: accountView() },
  'openweek.filters': { types: [], units: [], campaigns: [{ id: 'camp-1', name: '2017—2018年度岳阳市青年文明号' }] },
  'openweek.createEvent': (call) => {
    saved.push(call);
    return { ok: false, error: { code: 'CONFLICT', message: '数据已被修改，请刷新后重试' } };
  },
});

/** The place WeChat's map answers (wx.chooseLocation), as a user picking 公交调度中心 would get. */
const PICKED = { name: '公交调度中心', address: '湖南省岳阳市岳阳楼区', latitude: 29.3574, longitude: 113.1289 };

/** The collective's event form in the mini-program: the place's map point is picked on WeChat's map. */
describe('the mini-program event form, map point', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    // Taro binds the wx APIs it finds when its runtime loads: the fake must be in place before the app launches.
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.chooseLocation = (options: { success?: (res: unknown) => void }) => {
      options.success?.({ ...PICKED, errMsg: 'chooseLocation:ok' });
    };
    page = await openPage('openweek/edit', { answer });
  });

  test('offers 在地图上选点 instead of typed coordinates', async () => {
    await page.waitFor('.btn-pick-point');
    expect(page.texts('.btn-pick-point')).toEqual(['在地图上选点']);
    expect(page.findAll('.field-lat')).toHaveLength(0);
  });

  test('a picked point shows as 已选地图位置, fills the empty address, and is saved with the event', async () => {
    await page.tap('.btn-pick-point');
    await page.waitFor('.map-point-chosen');
    expect(page.texts('.map-point-chosen')).toEqual(['已选地图位置']);
    await page.waitUntil(() => page.valueOf('.field-address') === '湖南省岳阳市岳阳楼区 公交调度中心', 'the address from the map');

    await page.type('.field-title', '公交调度中心开放日');
    await page.type('.field-description', '走进公交调度中心。');
    // Times are picked on WeChat's date and time pickers: day first, then the time.
    for (const [name, day, time] of [['startAt', '2030-05-04', '09:00'], ['endAt', '2030-05-04', '11:00'], ['signupOpensAt', '2030-04-25', '09:00'], ['signupClosesAt', '2030-05-03', '18:00']]) {
      await page.pick(`.field-${name} .date-picker--day`, day);
      await page.pick(`.field-${name} .date-picker--time`, time);
    }
    await page.waitUntil(() => page.texts('.field-signupClosesAt .date-pick--time')[0] === '18:00', 'the picked time shown');
    await page.type('.field-capacity', '20');
    await page.tap('.btn-save-event');
    await page.waitUntil(() => saved.length > 0, 'openweek.createEvent');
    expect(saved[0].data.data).toMatchObject({
      address: '湖南省岳阳市岳阳楼区 公交调度中心', lat: 29.3574, lng: 113.1289, campaignId: 'camp-1',
      startAt: '2030-05-04T01:00:00.000Z', signupClosesAt: '2030-05-03T10:00:00.000Z', capacity: 20,
    });
  });

  test('清除 removes the point', async () => {
    await page.tap('.btn-clear-point');
    await page.waitFor('.btn-pick-point');
    expect(page.findAll('.map-point-chosen')).toHaveLength(0);
  });
});

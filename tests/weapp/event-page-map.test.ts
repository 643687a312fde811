import { openPage, type OpenedPage } from './support/mini-program';
import { EVENT_PAGE, eventCloud, eventView } from './support/openweek-fixture';

/** What the page asked WeChat's map to show (wx.openLocation), answered as WeChat would. */
const opened: Array<Record<string, unknown>> = [];

/** The event page in the mini-program when the event has a map point: 查看地图 opens WeChat's own map there. */
describe('the mini-program event page of an event with a map point', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    // Taro binds the wx APIs it finds when its runtime loads: the fake must be in place before the app launches.
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.openLocation = (options: Record<string, unknown> & { success?: (res: unknown) => void }) => {
      opened.push({ latitude: options.latitude, longitude: options.longitude, name: options.name, address: options.address });
      options.success?.({ errMsg: 'openLocation:ok' });
    };
    const event = eventView({ place: { address: '岳阳市岳阳楼区公交调度中心', lat: 29.3574, lng: 113.1289 } });
    page = await openPage(EVENT_PAGE, { query: { id: 'evt-1' }, answer: eventCloud(event) });
  });

  test('offers 查看地图, which opens WeChat’s map at the point with the event’s name and address', async () => {
    await page.waitFor('.btn-open-map');
    expect(page.texts('.btn-open-map')).toEqual(['查看地图']);
    await page.tap('.btn-open-map');
    await page.waitUntil(() => opened.length > 0, 'wx.openLocation');
    expect(opened).toEqual([{ latitude: 29.3574, longitude: 113.1289, name: '公交调度中心开放日', address: '岳阳市岳阳楼区公交调度中心' }]);
  });
});

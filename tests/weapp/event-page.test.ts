import { openPage, type OpenedPage } from './support/mini-program';
import { EVENT_PAGE, eventCloud, eventView } from './support/openweek-fixture';

/**
 * The public event page of the real weapp build, opened as a share card opens it (`?id=`), while seats
 * are left. The full and closed states have their own files (one page load per file).
 */
describe('the mini-program event page, signups open', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage(EVENT_PAGE, { query: { id: 'evt-1' }, answer: eventCloud(eventView()) });
  });

  test('renders the event: title, place, organizer, seats left', async () => {
    await page.waitFor('.event-title');
    expect(page.texts('.event-title')).toEqual(['公交调度中心开放日']);
    expect(page.texts('.event-address')).toEqual(['岳阳市岳阳楼区公交调度中心']);
    expect(page.texts('.event-collective')).toEqual(['岳阳市公交一路青年班组']);
    expect(page.texts('.event-seats')).toEqual(['剩余名额 2/2']);
    // No map point, no map.
    expect(page.findAll('.btn-open-map')).toHaveLength(0);
  });

  test('asks the openweek function for this event, with no visitor token (WeChat supplies the OPENID)', () => {
    const calls = page.cloud.calls.filter((c) => c.name === 'openweek');
    expect(calls[0]).toEqual({ name: 'openweek', data: { action: 'getEvent', data: { eventId: 'evt-1' } } });
    expect(page.cloud.calls.some((c) => c.data.action === 'startVisit')).toBe(false);
  });

  test('the signup button says 我要报名 and is enabled', async () => {
    await page.waitFor('.btn-signup--open');
    expect(page.texts('.btn-signup')).toEqual(['我要报名']);
    expect(page.findAll('.btn-signup.nut-button-disabled')).toHaveLength(0);
  });
});

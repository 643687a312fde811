import { openPage, type OpenedPage } from './support/mini-program';
import { EVENT_PAGE, eventCloud, eventView } from './support/openweek-fixture';

describe('the mini-program event page, all seats taken', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage(EVENT_PAGE, { query: { id: 'evt-1' }, answer: eventCloud(eventView({ seatsLeft: 0, waiting: 3 })) });
  });

  test('offers the waitlist instead of a seat', async () => {
    await page.waitFor('.btn-signup--waitlist');
    expect(page.texts('.btn-signup')).toEqual(['名额已满，加入候补']);
    expect(page.findAll('.btn-signup.nut-button-disabled')).toHaveLength(0);
    expect(page.texts('.event-seats')).toEqual(['名额已满 · 3人候补']);
  });
});

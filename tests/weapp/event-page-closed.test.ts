import { openPage, type OpenedPage } from './support/mini-program';
import { EVENT_PAGE, eventCloud, eventView, HOURS } from './support/openweek-fixture';

describe('the mini-program event page, signups closed', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    const closedAnHourAgo = new Date(Date.now() - HOURS).toISOString();
    page = await openPage(EVENT_PAGE, { query: { id: 'evt-1' }, answer: eventCloud(eventView({ signupClosesAt: closedAnHourAgo, signupOpensAt: new Date(Date.now() - 5 * HOURS).toISOString() })) });
  });

  test('shows 报名已截止 on a disabled button', async () => {
    await page.waitFor('.btn-signup--closed');
    expect(page.texts('.btn-signup')).toEqual(['报名已截止']);
    expect(page.findAll('.btn-signup.nut-button-disabled')).toHaveLength(1);
  });
});

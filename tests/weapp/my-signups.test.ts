import { fakeCloud } from './support/cloud';
import { openPage, type OpenedPage } from './support/mini-program';

/** "My signups" in the real weapp build: a confirmed signup shows its check-in code as a QR image drawn in the mini-program. */
describe('the mini-program 我的报名 page', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    const start = new Date(Date.now() + 72 * 3_600_000).toISOString();
    page = await openPage('pages/signups/index', {
      answer: fakeCloud({
        'openweek.mySignups': {
          items: [
            {
              id: '0190f3a2b4c50000a1b2c3d4e5f60718',
              eventId: 'evt-1',
              eventTitle: '公交调度中心开放日',
              eventStartAt: start,
              eventEndAt: start,
              eventAddress: '岳阳市公交调度中心',
              eventStatus: 'published',
              status: 'confirmed',
              waitlistPosition: null,
              name: '张三',
              phoneMasked: '138****5678',
              checkInCode: '46VXXYVF',
              checkedInAt: null,
              cancelDeadline: start,
              createdAt: start,
            },
          ],
          nextCursor: null,
        },
      }),
    });
  });

  test('lists the signup with its status and its check-in code as text and as a QR image', async () => {
    await page.waitFor('.checkin-code');
    expect(page.texts('.event-title')).toEqual(['公交调度中心开放日']);
    expect(page.texts('.my-signup-status')).toEqual(['报名成功']);
    expect(page.texts('.checkin-code')).toEqual(['46VXXYVF']);
    const image = page.findAll('.checkin-qr__image')[0];
    const src = image?.toJSON().attrs.find((attr) => attr.name === 'src')?.value;
    expect(String(src)).toMatch(/^data:image\/gif;base64,R0lGOD/);
  });

  test('asked for the upcoming signups of the visitor the WeChat context names (no token in the call)', () => {
    expect(page.cloud.calls.find((c) => c.name === 'openweek')).toEqual({ name: 'openweek', data: { action: 'mySignups', data: { when: 'upcoming' } } });
  });
});

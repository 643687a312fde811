import { fakeCloud, type CloudCall, type FixtureOf } from './support/cloud';
import { accountView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';
import { eventView, HOURS } from './support/openweek-fixture';

/** The event starts in 30 minutes: check-in is open. */
const event = {
  ...eventView({ startAt: new Date(Date.now() + 0.5 * HOURS).toISOString(), endAt: new Date(Date.now() + 3 * HOURS).toISOString(), extraQuestion: '您的年龄段' }),
  seatsTaken: 2, checkedIn: 0, hidden: false, hiddenReason: null, createdAt: '2018-11-20T02:00:00.000Z', updatedAt: '2018-11-20T02:00:00.000Z', version: 3,
};
type Attendee = FixtureOf<'openweek.listSignups'>['items'][number];
const attendee = (id: string, name: string): Attendee => ({ id, status: 'confirmed', name, phone: '13812345678', answer: '18至25岁', waitOrder: null, checkedInAt: null, createdAt: '2018-11-20T02:00:00.000Z' });
const attendees = [attendee('evt-1:wx:o-zhang', '张三'), attendee('evt-1:wx:o-li', '李四')];

const checkIns: CloudCall[] = [];
const answer = fakeCloud({
  'account.me': { account: accountView({ id: 'acc-collective' }) },
  'openweek.getManagedEvent': { event },
  'openweek.listSignups': { items: attendees, nextCursor: null },
  'openweek.checkIn': (call) => {
    checkIns.push(call);
    const input = call.data.data as { code?: string; signupId?: string };
    const who = input.code === 'K7M2PQ9X' ? attendees[0] : attendees.find((a) => a.id === input.signupId);
    if (!who) return { ok: false, error: { code: 'CHECKIN_CODE_UNKNOWN', message: '签到码无效', fields: { code: '签到码：无效，或不属于本活动' } } };
    return { ok: true, data: { attendee: { ...who, checkedInAt: new Date().toISOString() }, checkedIn: checkIns.length, seatsTaken: 2 } };
  },
});

/** What WeChat's scanner answers next: a QR's text, or the user closing the scanner. */
let scanner: { result: string } | 'cancelled' = 'cancelled';

/** 扫码签到 on the collective's manage page: WeChat's scanner reads the attendee's QR; a row checks in someone without one. */
describe('the mini-program check-in', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    // The platform boundary: wx.scanCode, as WeChat answers it. Taro binds wx APIs when it loads, so before launch.
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.scanCode = (options: { success?: (res: unknown) => void; fail?: (err: unknown) => void }) => {
      if (scanner === 'cancelled') options.fail?.({ errMsg: 'scanCode:fail cancel' });
      else options.success?.({ result: scanner.result, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' });
    };
    page = await openPage('openweek/manage', { query: { id: 'evt-1' }, answer });
  });

  test('扫码签到 comes first, with the typed code below it', async () => {
    await page.waitFor('.btn-scan');
    expect(page.texts('.btn-scan')).toEqual(['扫码签到']);
    expect(page.findAll('.field-code')).toHaveLength(1);
  });

  test('closing the scanner checks nobody in', async () => {
    scanner = 'cancelled';
    await page.tap('.btn-scan');
    await new Promise((done) => setTimeout(done, 100));
    expect(checkIns).toHaveLength(0);
    expect(page.findAll('.checkin-result')).toHaveLength(0);
  });

  test('a scanned code checks its holder in and says who', async () => {
    scanner = { result: 'K7M2PQ9X' };
    await page.tap('.btn-scan');
    await page.waitFor('.checkin-result');
    expect(checkIns[0].data.data).toEqual({ eventId: 'evt-1', code: 'K7M2PQ9X' });
    expect(page.texts('.checkin-result')).toEqual(['张三 签到成功（已签到 1/2）']);
  });

  test('an attendee’s row checks them in by their signup, and answers show with their question', async () => {
    await page.waitFor('.btn-check-in-row');
    expect(page.texts('.attendee-answer')).toEqual(['您的年龄段：18至25岁', '您的年龄段：18至25岁']);
    await page.tap('.btn-check-in-row');
    await page.waitUntil(() => checkIns.length === 2, 'the second check-in');
    expect(checkIns[1].data.data).toEqual({ eventId: 'evt-1', signupId: 'evt-1:wx:o-zhang' });
  });
});

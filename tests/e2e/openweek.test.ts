import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { issueCollective } from '../support/openweek-http';
import { answerDialog, expectTexts, field, open, screen, signInFirstTime, submitSignIn, textOf, useBrowser } from './support/h5';

const session = useBrowser();

/** One person at one device (own storage, so own visitor token), allowed to download the export. */
const newPerson = () => session.newUser({ acceptDownloads: true });

/** A real 1×1 PNG: the cover the collective picks with the browser's file chooser. */
const COVER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** "2018-05-04T09:00" in China time, as the collective picks it in the browser's date-and-time control. */
function chinaTime(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}


/**
 * 开放周 in the H5 build: a collective publishes a 2-seat event; three visitors, each in their own browser,
 * sign up (two confirmed, one waiting); one cancels and the waiting one is promoted; the collective checks
 * one in by the code the attendee shows, and exports the attendee list. The steps share the host and run in order.
 */
describe('an open-week event from publishing to check-in, in the browser', () => {
  let collective: Page;
  let eventId = '';
  let coverUrl = '';
  const visitors: Page[] = [];
  const title = '公交调度中心开放日';

  test('a collective publishes an event with 2 seats', async () => {
    const issued = await issueCollective(session.running.host, '岳阳市公交一路青年班组');
    collective = await newPerson();
    await signInFirstTime(collective, session.running.host.url, issued.code, issued.oneTimePassword, 'Youth2025pass');
    await screen(collective, 'mine').locator('.entry-openweek').click();
    await screen(collective, 'ow-collective').locator('.btn-new-event').click();

    const form = screen(collective, 'ow-edit');
    const now = Date.now();
    await form.locator('.choice-option--siteVisit').click();
    await field(form, 'title').fill(title);
    await form.locator('.field-description textarea').fill('走进公交调度中心，了解一辆公交车的一天。');
    await field(form, 'address').fill('岳阳市岳阳楼区公交调度中心');
    await field(form, 'startAt').fill(chinaTime(now + 30 * 60_000));
    await field(form, 'endAt').fill(chinaTime(now + 3 * 3_600_000));
    await field(form, 'capacity').fill('2');
    await field(form, 'signupOpensAt').fill(chinaTime(now - 3_600_000));
    await field(form, 'signupClosesAt').fill(chinaTime(now + 30 * 60_000));
    await field(form, 'cancelHoursBefore').fill('0');

    // The cover: picked with the file chooser, uploaded, previewed with 更换 / 移除.
    const [chooser] = await Promise.all([collective.waitForEvent('filechooser'), form.locator('.btn-pick-cover').click()]);
    await chooser.setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: COVER_PNG });
    const preview = form.locator('.cover-preview img');
    await preview.waitFor();
    coverUrl = (await preview.getAttribute('src')) ?? '';
    expect(coverUrl).toMatch(/^\/files\/openweek\/covers\/[0-9a-f]+\/[0-9a-f]{32}\.png$/);
    await expectTexts(form.locator('.btn-change-cover, .btn-remove-cover'), ['更换', '移除']);

    // The map point in H5: latitude and longitude typed together, or not at all.
    await field(form, 'lat').fill('29.3574');
    await form.locator('.btn-save-event').click();
    await expectTexts(form.locator('.field-error--lng'), ['请与纬度一起填写，或都不填']);
    await field(form, 'lng').fill('113.1289');
    await form.locator('.btn-save-event').click();

    const manage = screen(collective, 'ow-manage');
    await expectTexts(manage.locator('.managed-status'), ['草稿']);
    await manage.locator('.btn-publish').click();
    await expectTexts(manage.locator('.managed-status'), ['报名中']);
    eventId = new URL(collective.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(eventId).not.toBe('');
  });

  test('the public finds it on the home page', async () => {
    const visitor = await newPerson();
    visitors.push(visitor);
    await open(visitor, session.running.host.url, '/pages/index/index');
    const home = screen(visitor, 'home');
    await expectTexts(home.locator('.event-list .event-title'), [title]);
    await expectTexts(home.locator('.event-list .event-seats'), ['剩余名额 2/2']);
    expect(await home.locator('.event-list .event-cover img').getAttribute('src')).toBe(coverUrl);
    await home.locator('.event-list .event-card').first().click();
    const detail = screen(visitor, 'event-detail');
    await expectTexts(detail.locator('.btn-signup'), ['我要报名']);

    // The cover the collective uploaded, loaded from the host.
    const cover = detail.locator('.event-cover img');
    expect(await cover.getAttribute('src')).toBe(coverUrl);
    await visitor.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth === 1, await cover.elementHandle());

    // 查看地图 opens Tencent Maps at the point in a new window (answered here: the test machine is offline).
    await visitor.context().route('https://apis.map.qq.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>map</title>' }));
    await expectTexts(detail.locator('.btn-open-map'), ['查看地图']);
    const [map] = await Promise.all([visitor.context().waitForEvent('page'), detail.locator('.btn-open-map').click()]);
    await map.waitForURL(/^https:\/\/apis\.map\.qq\.com\/uri\/v1\/marker\?/);
    expect(new URL(map.url()).searchParams.get('marker')).toBe(`coord:29.3574,113.1289;title:${title};addr:岳阳市岳阳楼区公交调度中心`);
    await map.close();
  });

  test('search: the keyboard’s 搜索 key looks the name up, no match says so, and 清除 brings the list back', async () => {
    const visitor = await session.newUser({ viewport: { width: 390, height: 844 } });
    await open(visitor, session.running.host.url, '/pages/index/index');
    const home = screen(visitor, 'home');
    await expectTexts(home.locator('.event-list .event-title'), [title]);
    const box = home.locator('.field-event-q input');

    await box.fill('消防站');
    await box.press('Enter');
    await expectTexts(home.locator('.event-list .list-foot'), ['没有找到与「消防站」相关的活动']);
    await expectTexts(home.locator('.filter-type-all, .filter-unit-all'), ['全部类型', '全部行业和地方']);

    await home.locator('.btn-clear-search').click();
    expect(await box.inputValue()).toBe('');
    await expectTexts(home.locator('.event-list .event-title'), [title]);

    await box.fill('调度中心');
    await box.press('Enter');
    await expectTexts(home.locator('.event-list .event-title'), [title]);
    await home.locator('.filter-type-culture').click();
    await expectTexts(home.locator('.event-list .list-foot'), ['没有找到与「调度中心」相关的活动']);
    await home.locator('.btn-clear-search').click();
    await expectTexts(home.locator('.event-list .list-foot'), ['没有符合筛选条件的活动']);
  });

  test('in the browser the event page shares as a QR code of its address and a copied link', async () => {
    const visitor = await session.newUser({ viewport: { width: 390, height: 844 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await open(visitor, session.running.host.url, `/events/detail?id=${eventId}`);
    const detail = screen(visitor, 'event-detail');
    await detail.locator('.btn-share').click();
    expect(await detail.locator('.share-qr img').getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    await detail.locator('.btn-copy-link').click();
    await expectTexts(detail.locator('.btn-copy-link'), ['链接已复制']);
    expect(await visitor.evaluate(() => navigator.clipboard.readText())).toBe(`${title} ${session.running.host.url}/#/events/detail?id=${eventId}`);
  });

  test('the organizer’s name on the event page opens the collective’s public page, which lists the event', async () => {
    const detail = screen(visitors[0], 'event-detail');
    await expectTexts(detail.locator('.event-collective'), ['岳阳市公交一路青年班组']);
    await detail.locator('.event-collective').click();
    const page = screen(visitors[0], 'collective-page');
    await expectTexts(page.locator('.collective-name'), ['岳阳市公交一路青年班组']);
    await expectTexts(page.locator('.collective-unit'), ['交通（行业）']);
    await expectTexts(page.locator('.count-upcoming'), ['1']);
    await expectTexts(page.locator('.collective-events .event-title'), [title]);
    await page.locator('.collective-events .event-card').click();
    await expectTexts(screen(visitors[0], 'event-detail').locator('.event-title'), [title]);
  });

  /** Signs up from the event page; the form gives way to the result (`outcome`), then back on the event page its status (`expected`). */
  async function signUp(page: Page, name: string, phone: string, button: string, outcome: string, expected: string): Promise<void> {
    await open(page, session.running.host.url, `/events/detail?id=${eventId}`);
    const detail = screen(page, 'event-detail');
    await expectTexts(detail.locator('.btn-signup'), [button]);
    await detail.locator('.btn-signup').click();
    const form = screen(page, 'event-signup');
    await field(form, 'name').fill(name);
    await field(form, 'phone').fill(phone.slice(0, 7));
    await form.locator('.btn-submit-signup').click();
    // One submit shows every problem the page can see: a short phone, and the privacy notice not yet accepted.
    await expectTexts(form.locator('.field-error--phone'), ['请填写11位手机号']);
    await expectTexts(form.locator('.form-error'), ['个人信息收集说明：请阅读并同意']);
    await field(form, 'phone').fill(phone);
    await form.getByRole('checkbox', { name: '我已阅读并同意上述个人信息收集说明' }).click();
    await form.locator('.btn-submit-signup').click();
    const result = screen(page, 'signup-result');
    await expectTexts(result.locator('.result-title'), [outcome]);
    expect(await result.innerText()).not.toContain('名额已满');
    if (outcome === '报名成功') expect(await textOf(result.locator('.checkin-code'))).toMatch(/^[2-9A-Z]{8}$/);
    await result.locator('.reminder-prompt').waitFor();
    expect(await result.innerText()).not.toContain('小程序');
    await result.locator('.btn-back-to-event').click();
    await expectTexts(screen(page, 'event-detail').locator('.my-signup-status'), [expected]);
  }

  test('three visitors sign up: two are confirmed, the third waits', async () => {
    visitors.push(await newPerson(), await newPerson());
    await signUp(visitors[0], '张三', '13812345678', '我要报名', '报名成功', '报名成功');
    // The last seat: its taker reads 报名成功 with a check-in code, not the 名额已满 everyone after them sees.
    await signUp(visitors[1], '李四', '13900001111', '我要报名', '报名成功', '报名成功');
    await signUp(visitors[2], '王五', '13700002222', '名额已满，加入候补', '已进入候补', '候补中（第1位）');
    expect(await textOf(screen(visitors[0], 'event-detail').locator('.checkin-code'))).toMatch(/^[2-9A-Z]{8}$/);
  });

  test('one cancels and the waiting one is promoted', async () => {
    const first = screen(visitors[0], 'event-detail');
    await first.locator('.btn-cancel-signup').click();
    await answerDialog(visitors[0], '确认取消报名？', '取消报名');
    await expectTexts(first.locator('.btn-signup'), ['名额已满，加入候补']);
    await visitors[2].reload();
    const third = screen(visitors[2], 'event-detail');
    await expectTexts(third.locator('.my-signup-status'), ['报名成功']);
    await third.locator('.checkin-code').waitFor();
  });

  test('the collective checks one in by the code the attendee shows, and sees the count', async () => {
    const code = await textOf(screen(visitors[1], 'event-detail').locator('.checkin-code'));
    await collective.reload();
    const manage = screen(collective, 'ow-manage');
    await field(manage, 'code').fill('WRONG123');
    await manage.locator('.btn-check-in').click();
    await expectTexts(manage.locator('.checkin-result'), ['签到码：无效，或不属于本活动']);
    await field(manage, 'code').fill(code);
    await manage.locator('.btn-check-in').click();
    await expectTexts(manage.locator('.checkin-result'), ['李四 签到成功（已签到 1/2）']);
    await expectTexts(manage.locator('.count-checked-in'), ['1']);
    await expectTexts(manage.locator('.count-taken'), ['2/2']);
  });

  test('the attendee list exports as xlsx with names and full phones', async () => {
    const manage = screen(collective, 'ow-manage');
    const [download] = await Promise.all([collective.waitForEvent('download'), manage.locator('.btn-export').click()]);
    expect(download.suggestedFilename()).toMatch(/报名名单\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const text = JSON.stringify(book.getWorksheet('报名名单')!.getSheetValues());
    for (const expected of ['张三', '李四', '13900001111', '王五', '已取消', '报名成功']) expect(text).toContain(expected);
  });

  test('the office sees the event as counts only, hides it with a reason, and the public no longer finds it', async () => {
    const office = await newPerson();
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    // The office replaced its one-time password when it issued the collective (tests/support/openweek-http).
    await submitSignIn(office, session.running.office.code, 'Passw0rd!');
    await screen(office, 'mine').locator('.entry-admin-openweek').click();
    const admin = screen(office, 'admin-openweek');
    await expectTexts(admin.locator('.admin-event .event-title'), [title]);
    expect(await admin.innerText()).not.toContain('13900001111');
    await admin.locator('.btn-hide').click();
    await field(admin, 'reason').fill('内容不当');
    await admin.locator('.btn-confirm-hide').click();
    await expectTexts(admin.locator('.admin-event-hidden'), ['已屏蔽：内容不当']);

    const visitor = await newPerson();
    await open(visitor, session.running.host.url, '/pages/index/index');
    await expectTexts(screen(visitor, 'home').locator('.event-list .list-foot'), ['近期暂无开放周活动']);
  });
});

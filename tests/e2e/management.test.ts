import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { completeContent } from '../support/filing';
import { expectTexts, field, open, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';
import { activateAccount, callApi } from './support/api';

const session = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true };
const PASSWORD = 'Dashboard2025pass';
/** As long as a unit's name may be (40 characters). */
const LONG_NAME = '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室直属';

/** A real 1×1 PNG: the photo the office picks with the browser's file chooser. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const api = <T>(fn: string, action: string, data: unknown, token?: string): Promise<T> => callApi<T>(session.running.host.url, fn, action, data, token);

/** Whatever on the page sticks out sideways past the phone's width, or a unit's name drawn over its bar. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const row of Array.from(document.querySelectorAll<HTMLElement>('.unit-row')).filter((el) => el.offsetParent !== null)) {
      const name = row.querySelector('.unit-row__name')?.getBoundingClientRect();
      const bar = row.querySelector('.bar')?.getBoundingClientRect();
      const box = row.getBoundingClientRect();
      if (name && bar && name.bottom > bar.top + 0.5) problems.push(`${row.innerText.slice(0, 12)}: name over its bar`);
      if (name && name.right > box.right + 0.5) problems.push(`${row.innerText.slice(0, 12)}: name past the row`);
    }
    return problems;
  });
}

let officeToken = '';
let collectiveToken = '';

beforeAll(async () => {
  officeToken = await activateAccount(session.running.host.url, session.running.office.code, session.running.office.oneTimePassword, PASSWORD);
  const me = await api<{ account: { unitId: string } }>('account', 'me', {}, officeToken);
  await api('admin', 'createUnit', { parentId: me.account.unitId, name: LONG_NAME, kind: 'industry' }, officeToken);
  const roots = await api<{ items: Array<{ id: string; name: string }> }>('admin', 'listUnits', { limit: 50 }, officeToken);
  const transport = roots.items.find((u) => u.name === '交通');
  if (!transport) throw new Error('the demo has no 交通 unit');
  const issued = await api<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId: transport.id, role: 'collective', name: '岳阳市公交一路青年班组' }, officeToken);
  collectiveToken = await activateAccount(session.running.host.url, issued.account.code, issued.oneTimePassword, PASSWORD);
});

/**
 * The office opens 报备进度 from 我的 on a 390 × 844 phone: first on the demo campaign with nothing filed yet,
 * then after a collective files; the table downloads as xlsx. The steps share the host and run in order.
 */
describe('the quota dashboard in the browser', () => {
  let office: Page;

  beforeAll(async () => {
    office = await session.newUser(PHONE);
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.office.code, PASSWORD);
    await signedInHome(office).waitFor();
  });

  test('with nothing filed, every unit shows 0 against its target, the countdown runs, and a long unit name wraps inside its row', async () => {
    await screen(office, 'mine').locator('.entry-dashboard').click();
    const dashboard = screen(office, 'dashboard');
    await screen(office, 'mine').waitFor({ state: 'hidden' });
    await expectTexts(dashboard.locator('.dashboard-units .section__title'), ['各单位（26）']);
    expect(await textOf(dashboard.locator('.countdown'))).toMatch(/^距报备截止还有 \d+ 天/);
    const transport = dashboard.locator('.dashboard-units .unit-row', { hasText: '交通' }).first();
    expect(await textOf(transport.locator('.unit-row__progress'))).toBe('报备 0 / 目标 20（0%）');
    await expectTexts(dashboard.locator('.dashboard-units .unit-row', { hasText: LONG_NAME }).locator('.unit-row__progress'), ['报备 0（未设名额）']);
    await expectTexts(dashboard.locator('.dashboard-weeks .count-bars__empty'), ['暂无报备']);
    expect(await layoutProblems(office)).toEqual([]);
    await office.screenshot({ path: 'dist/screens/dashboard-empty.png' });
    await dashboard.locator('.unit-row', { hasText: LONG_NAME }).screenshot({ path: 'dist/screens/dashboard-long-name.png' });
  });

  test('after a collective files, its unit’s bar and the week’s bar fill, and the table downloads as xlsx', async () => {
    const campaigns = await api<{ items: Array<{ id: string }> }>('campaign', 'listCampaigns', {}, collectiveToken);
    await api('filing', 'submit', { campaignId: campaigns.items[0].id, content: completeContent({ nonPublic: 'yes' }) }, collectiveToken);
    const dashboard = screen(office, 'dashboard');
    await dashboard.locator('.overdue-days-3').click();
    const transport = dashboard.locator('.dashboard-units .unit-row', { hasText: '交通' }).first();
    await expectTexts(transport.locator('.unit-row__progress'), ['报备 1 / 目标 20（5%）']);
    expect(await transport.locator('.bar__fill').evaluate((el) => el.style.width)).toBe('5%');
    await expectTexts(transport.locator('.unit-row__past'), ['往届 1（100%）']);
    await expectTexts(transport.locator('.unit-row__non-public'), ['非公/社会组织 1（100%）']);
    expect(await dashboard.locator('.dashboard-weeks .count-bar').count()).toBe(1);
    expect(await textOf(dashboard.locator('.dashboard-weeks .count-bar__label'))).toMatch(/^\d{4}-\d{2}-\d{2} 起$/);
    expect(await layoutProblems(office)).toEqual([]);
    await dashboard.locator('.dashboard-weeks').screenshot({ path: 'dist/screens/dashboard-weeks.png' });
    await dashboard.locator('.dashboard-statuses').screenshot({ path: 'dist/screens/dashboard-statuses.png' });

    const [download] = await Promise.all([office.waitForEvent('download'), dashboard.locator('.btn-export-dashboard').click()]);
    expect(download.suggestedFilename()).toMatch(/^报备进度表-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0];
    expect(sheet.getCell(1, 1).text).toContain('报备进度表');
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(i + 4));
    expect(rows.map((r) => r.getCell(2).text)).toEqual(expect.arrayContaining(['交通', LONG_NAME]));
    expect(rows.find((r) => r.getCell(2).text === '交通')?.getCell(7).value).toBe(1);
    expect(rows.at(-1)?.getCell(1).text).toBe('合计');
  });

  test('a unit row opens the units under it, and the way back returns to all units', async () => {
    const dashboard = screen(office, 'dashboard');
    await dashboard.locator('.dashboard-units .unit-row', { hasText: '交通' }).first().click();
    await expectTexts(dashboard.locator('.dashboard-total .unit-row__name'), ['交通']);
    await expectTexts(dashboard.locator('.dashboard-units .count-bars__empty'), ['没有下级单位']);
    await dashboard.locator('.link-up').click();
    await expectTexts(dashboard.locator('.dashboard-units .section__title'), ['各单位（26）']);
  });

  test('the office records a 专题会议 with its minutes (PDF) and a photo in its 五个一 ledger from 我的, and the dashboard counts it', async () => {
    await open(office, session.running.host.url, '/pages/mine/index');
    await screen(office, 'mine').locator('.entry-ledger').click();
    const ledger = screen(office, 'ledger');
    await expectTexts(ledger.locator('.ledger-progress .section__title'), ['五个一：已完成 0 项，共 5 项']);
    await expectTexts(ledger.locator('.ledger-entries .list-foot'), ['本届尚无记录']);
    await screen(office, 'mine').waitFor({ state: 'hidden' });
    await office.screenshot({ path: 'dist/screens/ledger-empty.png' });
    await ledger.locator('.choice-kind .choice-option--meeting').click();
    await field(ledger, 'date').fill('2018-11-25');
    await field(ledger, 'title').fill('全市青年文明号创建工作推进会');
    await field(ledger, 'place').fill(LONG_NAME);
    await field(ledger, 'participants').fill('86');
    await ledger.locator('.field-summary textarea').fill('部署本届青年文明号创建工作，明确报备、培训和开放周的时间安排。');
    const [pdf] = await Promise.all([office.waitForEvent('filechooser'), ledger.locator('.btn-add-pdf').click()]);
    await pdf.setFiles({ name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n') });
    const [photo] = await Promise.all([office.waitForEvent('filechooser'), ledger.locator('.btn-add-photo').click()]);
    await photo.setFiles({ name: 'meeting.png', mimeType: 'image/png', buffer: PNG });
    await expectTexts(ledger.locator('.ledger-form .attachment__pdf'), ['会议纪要.pdf']);
    await ledger.locator('.ledger-form .attachment__photo').waitFor();
    await ledger.locator('.btn-record-entry').click();
    await expectTexts(ledger.locator('.ledger-entry__title'), ['全市青年文明号创建工作推进会']);
    await expectTexts(ledger.locator('.ledger-entry .attachment__pdf'), ['会议纪要.pdf']);
    expect(await ledger.locator('.ledger-entry .attachment__photo').count()).toBe(1);
    expect(await ledger.locator('.ledger-form .attachment').count()).toBe(0);
    await expectTexts(ledger.locator('.ledger-progress .section__title'), ['五个一：已完成 1 项，共 5 项']);
    expect(await ledger.locator('.five-one--meeting.is-done').count()).toBe(1);
    expect(await layoutProblems(office)).toEqual([]);
    await ledger.locator('.ledger-entry').screenshot({ path: 'dist/screens/ledger-entry.png' });

    await open(office, session.running.host.url, '/admin/management/dashboard');
    await expectTexts(screen(office, 'dashboard').locator('.dashboard-total .unit-row__five-ones'), ['五个一 1/5，缺 集中培训、检查调研、主题创建活动、常态化联系平台']);
  });
});

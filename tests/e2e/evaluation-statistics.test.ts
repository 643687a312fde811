import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectTexts, open, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';
import { activateAccount, callApi } from './support/api';

const session = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true };
const PASSWORD = 'Statistics2025pass';
/** As long as a unit's name may be (40 characters). */
const LONG_NAME = '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室直属';

/** Whatever sticks out sideways past the phone's width (the table scrolls inside its own box), or a unit's name past its cell. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('.stats-cell--unit')).filter((el) => el.offsetParent !== null)) {
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${cell.innerText.slice(0, 12)}: name past its cell`);
      const row = cell.parentElement!.getBoundingClientRect();
      if (cell.getBoundingClientRect().bottom > row.bottom + 0.5) problems.push(`${cell.innerText.slice(0, 12)}: name past its row`);
    }
    return problems;
  });
}

/**
 * The office opens 社会评价统计 from 我的 on a 390 × 844 phone, on the demo campaign with no evaluation yet,
 * with a unit whose name is as long as names go; sorts, opens a unit and downloads the table. In order.
 */
describe('the evaluation statistics in the browser', () => {
  let office: Page;

  beforeAll(async () => {
    const token = await activateAccount(session.running.host.url, session.running.office.code, session.running.office.oneTimePassword, PASSWORD);
    const me = await callApi<{ account: { unitId: string } }>(session.running.host.url, 'account', 'me', {}, token);
    await callApi(session.running.host.url, 'admin', 'createUnit', { parentId: me.account.unitId, name: LONG_NAME, kind: 'industry' }, token);
    office = await session.newUser(PHONE);
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.office.code, PASSWORD);
    await signedInHome(office).waitFor();
  });

  test('with no evaluation yet every unit shows 0 and 暂无, the trend says so, and a long name wraps in its cell', async () => {
    await open(office, session.running.host.url, '/pages/mine/index');
    await screen(office, 'mine').locator('.entry-evaluation-statistics').click();
    const stats = screen(office, 'evaluation-statistics');
    await screen(office, 'mine').waitFor({ state: 'hidden' });
    await stats.locator('.stats-row--unit', { hasText: LONG_NAME }).waitFor();
    const long = stats.locator('.stats-row--unit', { hasText: LONG_NAME });
    expect(await textOf(long.locator('.stats-cell--counted'))).toBe('0');
    expect(await textOf(long.locator('.stats-cell--satisfactionRate'))).toBe('暂无');
    await expectTexts(stats.locator('.stats-trend .stats__empty'), ['近12个月暂无微信评价']);
    expect(await layoutProblems(office)).toEqual([]);
    await office.screenshot({ path: 'dist/screens/evaluation-statistics-empty.png' });
    await long.screenshot({ path: 'dist/screens/evaluation-statistics-long-name.png' });
    await stats.locator('.btn-export-statistics').scrollIntoViewIfNeeded();
    await office.screenshot({ path: 'dist/screens/evaluation-statistics-foot.png' });
  });

  test('a column head sorts, a row opens the units under it, and the table downloads as xlsx', async () => {
    const stats = screen(office, 'evaluation-statistics');
    await stats.locator('.sort-counted').click();
    expect(await textOf(stats.locator('.sort-counted'))).toBe('微信评价 ↓');
    await stats.locator('.stats-row--unit', { hasText: '交通' }).first().click();
    await expectTexts(stats.locator('.stats-units .section__title'), ['交通']);
    await stats.locator('.link-up').click();
    await stats.locator('.stats-row--unit', { hasText: LONG_NAME }).waitFor();

    const [download] = await Promise.all([office.waitForEvent('download'), stats.locator('.btn-export-statistics').click()]);
    expect(download.suggestedFilename()).toMatch(/^社会评价统计表-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0];
    expect(sheet.getCell(1, 1).text).toContain('社会评价统计表');
    const names = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(i + 4).getCell(2).text);
    expect(names).toEqual(expect.arrayContaining(['交通', LONG_NAME]));
  });
});

import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { answerDialog, expectTexts, field, open, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';
import { activateAccount, callApi } from './support/api';

const session = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true };
const PASSWORD = 'Assessment2025pass';
/** A report at the notice's limit: 1,999 characters and a full stop, with line breaks that do not count. */
const REPORT = `${'两年来交通行业团组织坚持重在创建贵在管理完善组织机制开展集中培训。'.repeat(70).slice(0, 1999)}。\n\n`;

const api = <T>(fn: string, action: string, data: unknown, token?: string): Promise<T> => callApi<T>(session.running.host.url, fn, action, data, token);

/** Whatever sticks out sideways past the phone's width. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.assessment-item, .ranking-row, .evidence__fact'))) {
      if (el.offsetParent !== null && el.getBoundingClientRect().right > window.innerWidth + 0.5) problems.push(`${el.className}: past the screen`);
    }
    return problems;
  });
}

async function signIn(page: Page, code: string): Promise<void> {
  await open(page, session.running.host.url, '/pages/auth/sign-in');
  await submitSignIn(page, code, PASSWORD);
  await signedInHome(page).waitFor();
}

async function recordEntry(ledger: Locator, kind: 'meeting' | 'training', title: string): Promise<void> {
  await ledger.locator(`.choice-kind .choice-option--${kind}`).click();
  await field(ledger, 'date').fill('2018-11-25');
  await field(ledger, 'title').fill(title);
  await field(ledger, 'place').fill('交通运输局三楼会议室');
  await field(ledger, 'participants').fill('40');
  await ledger.locator('.field-summary textarea').fill('部署本届青年文明号创建工作，明确报备、培训和开放周的时间安排。');
  await ledger.locator('.btn-record-entry').click();
  await ledger.locator('.ledger-entry__title', { hasText: title }).waitFor();
}

let adminCode = '';

beforeAll(async () => {
  const officeToken = await activateAccount(session.running.host.url, session.running.office.code, session.running.office.oneTimePassword, PASSWORD);
  const roots = await api<{ items: Array<{ id: string; name: string }> }>('admin', 'listUnits', { limit: 50 }, officeToken);
  const transport = roots.items.find((u) => u.name === '交通');
  if (!transport) throw new Error('the demo has no 交通 unit');
  const issued = await api<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId: transport.id, role: 'admin', name: '交通行业一级管理员' }, officeToken);
  await activateAccount(session.running.host.url, issued.account.code, issued.oneTimePassword, PASSWORD);
  adminCode = issued.account.code;
});

/**
 * 考评 in the browser on a 390 × 844 phone: the office opens a round; the 交通 level-1 admin records two
 * 五个一 entries and submits a report at the 2,000-character limit; the office scores beside the evidence and
 * publishes; the unit reads its sheet; the ranking downloads as xlsx. The steps share the host and run in order.
 */
describe('the 考评 in the browser', () => {
  let office: Page;
  let unit: Page;

  beforeAll(async () => {
    office = await session.newUser(PHONE);
    unit = await session.newUser(PHONE);
    await signIn(office, session.running.office.code);
    await signIn(unit, adminCode);
  });

  test('the office opens the round of the term from 我的 → 考评, and the ranking lists every unit at 0', async () => {
    await screen(office, 'mine').locator('.entry-assessment').click();
    const page = screen(office, 'assessment');
    await expectTexts(page.locator('.assessment-rounds .assessment-empty'), ['尚未开启考评']);
    await screen(office, 'mine').waitFor({ state: 'hidden' });
    await office.screenshot({ path: 'dist/screens/assessment-empty.png' });
    await page.locator('.btn-open-assessment').click();
    await expectTexts(page.locator('.round-row__status'), ['进行中']);
    await page.locator('.ranking-row', { hasText: '交通' }).first().waitFor();
    expect(await textOf(page.locator('.ranking-row', { hasText: '交通' }).first().locator('.ranking-row__total'))).toBe('0');
    expect(await overflow(office)).toEqual([]);
  });

  test('the unit records two 五个一 entries, sees them as evidence and submits a report of exactly 2,000 characters', async () => {
    await open(unit, session.running.host.url, '/admin/management/ledger');
    const ledger = screen(unit, 'ledger');
    await recordEntry(ledger, 'meeting', '交通行业创建工作推进会');
    await recordEntry(ledger, 'training', '青年文明号号长培训班');

    await open(unit, session.running.host.url, '/pages/mine/index');
    await screen(unit, 'mine').locator('.entry-assessment').click();
    await screen(unit, 'assessment').locator('.round-row').first().click();
    const sheet = screen(unit, 'assessment-sheet');
    await expectTexts(sheet.locator('.assessment-item--3 .evidence__fact', { hasText: '专题会议' }).locator('.evidence__value'), ['1 次']);
    await expectTexts(sheet.locator('.assessment-item--3 .evidence__fact', { hasText: '集中培训' }).locator('.evidence__entry'), ['2018-11-25 青年文明号号长培训班']);
    await expectTexts(sheet.locator('.assessment-item--1 .assessment-item__skip'), ['行业单位不考核此项，基础得分按比例折算']);
    await sheet.locator('.field-report textarea').fill(REPORT);
    await expectTexts(sheet.locator('.report-counter'), ['2000 / 2000 字（标点计入，空格和换行不计）']);
    await sheet.locator('.btn-submit-report').click();
    await expectTexts(sheet.locator('.form-error'), ['工作台账：请确认本单位的工作台账']);
    // The typed report survives the refusal.
    expect(await sheet.locator('.field-report textarea').inputValue()).toBe(REPORT);
    await sheet.locator('.ledger-confirm').click();
    await sheet.locator('.btn-submit-report').click();
    expect(await textOf(sheet.locator('.sheet-report__meta'))).toMatch(/^交通行业一级管理员 于 \d{4}-\d{2}-\d{2} 提交 · 2000 字 · 已确认台账$/);
    await expectTexts(sheet.locator('.notice--info'), ['考评结果发布后，这里显示本单位的得分和评分说明。']);
    expect(await overflow(unit)).toEqual([]);
    await unit.screenshot({ path: 'dist/screens/assessment-report.png', fullPage: true });
  });

  test('the office scores 交通 beside its evidence and publishes; the unit then reads its scores', async () => {
    const page = screen(office, 'assessment');
    await page.locator('.ranking-row', { hasText: '交通' }).first().click();
    const sheet = screen(office, 'assessment-sheet');
    await expectTexts(sheet.locator('.assessment-item--3 .evidence__fact', { hasText: '专题会议' }).locator('.evidence__entry'), ['2018-11-25 交通行业创建工作推进会']);
    await field(sheet, 'points3').fill('9');
    await sheet.locator('.field-note3 textarea').fill('两次培训，覆盖各级管理单位。');
    await sheet.locator('.btn-score-3').click();
    await expectTexts(sheet.locator('.sheet-total__parts'), ['基础 9（折算 11.25） · 加分 0 · 减分 0']);
    expect(await overflow(office)).toEqual([]);
    await office.screenshot({ path: 'dist/screens/assessment-scoring.png' });

    await office.goBack();
    await screen(office, 'assessment').locator('.btn-publish').click();
    await answerDialog(office, '发布考评结果？', '发布');
    await expectTexts(screen(office, 'assessment').locator('.round-row__status'), ['已发布']);

    await unit.reload();
    const own = screen(unit, 'assessment-sheet');
    await expectTexts(own.locator('.sheet-total__figure'), ['11.25 分']);
    await expectTexts(own.locator('.assessment-item--3 .assessment-item__score'), ['得 9 分 · 两次培训，覆盖各级管理单位。']);
    expect(await own.locator('.btn-submit-report').count()).toBe(0);
    expect(await overflow(unit)).toEqual([]);
    await unit.screenshot({ path: 'dist/screens/assessment-published.png' });
  });

  test('the ranking downloads as xlsx in the uniform layout', async () => {
    const page = screen(office, 'assessment');
    await expectTexts(page.locator('.assessment-ranking .ranking-row', { hasText: '交通' }).first().locator('.ranking-row__rank'), ['1']);
    const [download] = await Promise.all([office.waitForEvent('download'), page.locator('.btn-export-assessment').click()]);
    expect(download.suggestedFilename()).toMatch(/考评结果-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(3).getCell(2).text).toBe('单位');
    expect([1, 2, 3, 4, 6, 19].map((c) => sheet.getRow(4).getCell(c).text)).toEqual(['1', '交通', '行业', '不考核', '9', '11.25']);
  });
});

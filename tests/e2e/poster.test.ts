import type { Page } from 'playwright-core';
import { qrDataUrl } from '../../client/src/components/qr';
import { open, screen, submitSignIn, useBrowser } from './support/h5';
import { activateAccount, callApi } from './support/api';

const session = useBrowser();
const PASSWORD = 'Poster2025pass';
const PHONE = { width: 390, height: 844 };
/** A4 in CSS pixels (96 per inch): the poster prints without margins. */
const A4 = { width: Math.floor((210 / 25.4) * 96), height: Math.floor((297 / 25.4) * 96) };
const LONG_NAME = '岳阳市城市公共交通集团有限责任公司第一分公司一路公交线路青年文明服务班组';
const COMMITMENT = '我们承诺：微笑服务，首问负责，限时办结，准点发车，文明行车，有诉必应。'.repeat(8);

const api = <T>(fn: string, action: string, data: unknown, token?: string): Promise<T> => callApi<T>(session.running.host.url, fn, action, data, token);

let collective = '';
let poster: { code: string; pageUrl: string; miniProgramCode: string | null };

beforeAll(async () => {
  const office = await activateAccount(session.running.host.url, session.running.office.code, session.running.office.oneTimePassword, PASSWORD);
  const roots = await api<{ items: Array<{ id: string; name: string }> }>('admin', 'listUnits', { limit: 50 }, office);
  const transport = roots.items.find((u) => u.name === '交通');
  if (!transport) throw new Error('the demo has no 交通 unit');
  const issued = await api<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId: transport.id, role: 'collective', name: LONG_NAME }, office);
  collective = issued.account.code;
  const token = await activateAccount(session.running.host.url, collective, issued.oneTimePassword, PASSWORD);
  const own = await api<{ version: number }>('evaluation', 'ownPublicPage', {}, token);
  await api('evaluation', 'updatePublicPage', { commitment: COMMITMENT, address: '岳阳市岳阳楼区车站路 1 号', serviceHours: '每日 6:00—22:00', version: own.version }, token);
  poster = await api('evaluation', 'posterOf', {}, token);
});

async function openPoster(viewport: { width: number; height: number }): Promise<Page> {
  const page = await session.newUser({ viewport });
  await open(page, session.running.host.url, '/pages/auth/sign-in');
  await submitSignIn(page, collective, PASSWORD);
  await screen(page, 'mine').locator('.home-member').waitFor();
  await open(page, session.running.host.url, '/collective/public/index');
  await screen(page, 'own-public-page').locator('.btn-poster').click();
  await screen(page, 'poster-page').locator('.poster__qr').waitFor();
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.poster__qr img')).some((img) => img.complete && img.naturalWidth > 0));
  // Taro H5 slides a new page in from the right: measure once it has come to rest.
  await page.waitForFunction(() => {
    const bar = document.querySelector('.poster-page .screen__bar');
    return bar !== null && Math.abs(bar.getBoundingClientRect().left) < 1;
  });
  return page;
}

/** Where the poster and its parts lie, and any of them wider than its box. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const sheet = document.querySelector('.poster-page .poster') as HTMLElement;
    const rect = sheet.getBoundingClientRect();
    const parts = Array.from(sheet.querySelectorAll<HTMLElement>('*'));
    const box = (sheet.querySelector('.poster__qr') as HTMLElement).getBoundingClientRect();
    const qr = (sheet.querySelector('.poster__qr img') as HTMLElement).getBoundingClientRect();
    return {
      // The whole code shows, square, inside its box (a QR cut at an edge does not scan).
      qrFits: qr.left >= box.left - 1 && qr.right <= box.right + 1 && qr.top >= box.top - 1 && qr.bottom <= box.bottom + 1 && Math.abs(qr.width - qr.height) < 2 && qr.width > 100,
      pageWidth: document.documentElement.clientWidth,
      left: rect.left,
      right: rect.right,
      ratio: rect.height / rect.width,
      outside: parts.filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.left < rect.left - 1 || r.right > rect.right + 1 || r.bottom > rect.bottom + 1); }).map((el) => el.className),
    };
  });

describe('the printable QR poster (H5, no mini-program codes on the local host)', () => {
  test('on a phone it is the A4 sheet scaled to the screen, with a QR of the H5 三亮 page', async () => {
    const page = await openPoster(PHONE);
    const sheet = screen(page, 'poster-page');
    await sheet.locator('.poster__name', { hasText: LONG_NAME }).waitFor();
    await sheet.locator('.poster__pledge-text', { hasText: '首问负责' }).waitFor();
    expect(poster.miniProgramCode).toBeNull();
    expect(poster.pageUrl).toMatch(new RegExp(`/#/events/collective\\?code=${poster.code}$`));
    expect(await sheet.locator('.poster__qr img').getAttribute('src')).toBe(qrDataUrl(poster.pageUrl, 'Byte'));
    await page.screenshot({ path: '/tmp/n-qr-poster-phone.png', fullPage: true });
    const m = await measure(page);
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.right).toBeLessThanOrEqual(m.pageWidth);
    expect(m.ratio).toBeGreaterThanOrEqual(297 / 210 - 0.01);
    expect(m.outside).toEqual([]);
    expect(m.qrFits).toBe(true);
  });

  test('printed it is one A4 page without the print button or the title bar', async () => {
    const page = await openPoster(A4);
    await page.emulateMedia({ media: 'print' });
    const m = await measure(page);
    expect(m.outside).toEqual([]);
    expect(m.qrFits).toBe(true);
    expect(await page.locator('.btn-print, .screen__bar').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)).toBe(0);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await page.screenshot({ path: '/tmp/n-qr-poster-a4.png', fullPage: true });
  });

  test('the QR’s address opens the 三亮 page with 评价 one tap away', async () => {
    const page = await session.newUser({ viewport: PHONE });
    await page.goto(poster.pageUrl);
    await screen(page, 'collective-page').locator('.btn-evaluate').waitFor();
  });
});

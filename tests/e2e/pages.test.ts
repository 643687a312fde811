import type { Page } from 'playwright-core';
import { completeContent } from '../support/filing';
import { expectTexts, field, open, screen, submitSignIn, textOf, useBrowser } from './support/h5';
import { activateAccount, callApi } from './support/api';

const session = useBrowser();
const PASSWORD = 'Pages2025pass';
const PHONE = { width: 390, height: 844 };
/** A4 less 15 mm margins each side, in CSS pixels (96 per inch): the width print lays the page out in. */
const A4_CONTENT = { width: Math.floor((180 / 25.4) * 96), height: Math.floor((267 / 25.4) * 96) };

const api = <T>(fn: string, action: string, data: unknown, token?: string): Promise<T> => callApi<T>(session.running.host.url, fn, action, data, token);
/** Signs in with a one-time password and sets PASSWORD; answers a session token. */
const activate = (code: string, oneTimePassword: string): Promise<string> => activateAccount(session.running.host.url, code, oneTimePassword, PASSWORD);

/** Issues a code and activates it: answers the code and a session token. */
async function issue(token: string, unitId: string, role: 'admin' | 'collective', name: string) {
  const issued = await api<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId, role, name }, token);
  return { code: issued.account.code, token: await activate(issued.account.code, issued.oneTimePassword) };
}

async function signedIn(code: string, viewport = PHONE): Promise<Page> {
  const page = await session.newUser({ viewport });
  await open(page, session.running.host.url, '/pages/auth/sign-in');
  await submitSignIn(page, code, PASSWORD);
  await screen(page, 'mine').locator('.home-member').waitFor();
  return page;
}

/** A way home the user can see: the tab bar's 首页, or the page's own 首页 where no tab bar is shown. */
async function goHome(page: Page): Promise<void> {
  const tab = page.locator('.taro-tabbar__tabbar:visible .weui-tabbar__item:visible', { hasText: '首页' });
  const link = page.locator('.screen:visible .screen__home');
  await tab.or(link).first().click();
  await screen(page, 'home').locator('.hero').waitFor();
}

const LONG_NAME = '岳阳市城市公共交通集团有限责任公司第一分公司一路公交线路青年文明服务班组';

let filingId = '';
let admin1 = '';
let collective = '';
/** A filing waiting at 岳阳市交通运输局, a level-2 unit that has no admin yet. */
let strandedId = '';

beforeAll(async () => {
  const office = await activate(session.running.office.code, session.running.office.oneTimePassword);
  const roots = await api<{ items: Array<{ id: string; name: string }> }>('admin', 'listUnits', { limit: 50 }, office);
  const transport = roots.items.find((u) => u.name === '交通');
  if (!transport) throw new Error('the demo has no 交通 unit');
  admin1 = (await issue(office, transport.id, 'admin', '交通行业一级管理员')).code;
  const member = await issue(office, transport.id, 'collective', LONG_NAME);
  collective = member.code;
  const campaignId = (await api<{ campaign: { id: string } }>('filing', 'getMine', {}, member.token)).campaign.id;
  const content = completeContent({ name: LONG_NAME, phone: '0730-88894641234', achievements: '公交一路青年班组立足岗位、服务群众，开展岗位练兵和服务承诺。'.repeat(90) });
  filingId = (await api<{ filing: { id: string } }>('filing', 'submit', { campaignId, content }, member.token)).filing.id;

  const admin1Token = (await api<{ token: string }>('account', 'signIn', { code: admin1, password: PASSWORD })).token;
  const bureau = (await api<{ unit: { id: string } }>('admin', 'createUnit', { parentId: transport.id, name: '岳阳市交通运输局' }, admin1Token)).unit;
  const stranded = await issue(admin1Token, bureau.id, 'collective', '岳阳市交通运输局青年突击队');
  strandedId = (await api<{ filing: { id: string } }>('filing', 'submit', { campaignId, content: completeContent({ name: '岳阳市交通运输局青年突击队' }) }, stranded.token)).filing.id;
});

describe('every page is one tap from home, at 390 × 844', () => {
  test('a visitor walks the main routes and always finds 首页', async () => {
    const page = await session.newUser({ viewport: PHONE });
    const routes = ['/pages/signups/index', '/pages/mine/index', '/pages/auth/sign-in', '/pages/auth/forgot', '/events/detail?id=missing', '/events/collective?id=missing', '/no/such/page'];
    for (const route of routes) {
      await open(page, session.running.host.url, route);
      // A hash route is a same-document navigation: until the router has swapped pages, the home screen
      // (and its tab bar) is still the visible one, and a click on it would land on a page about to hide.
      await screen(page, 'home').waitFor({ state: 'hidden' });
      await page.locator('.screen:visible').first().waitFor();
      await goHome(page);
      await expectTexts(screen(page, 'home').locator('.hero__name'), ['青年文明号在线']);
    }
    expect(await screen(page, 'home').innerText()).not.toMatch(/[A-Za-z]/);
  });

  test('an address that leads nowhere says so, with 返回首页', async () => {
    const page = await session.newUser({ viewport: PHONE });
    await open(page, session.running.host.url, '/no/such/page');
    const notFound = screen(page, 'not-found');
    await expectTexts(notFound.locator('.not-found__title'), ['找不到这个页面']);
    await notFound.locator('.btn-go-home').click();
    await screen(page, 'home').locator('.event-list').waitFor();
  });

  test('an event page that cannot load offers 重试 and 返回首页', async () => {
    const page = await session.newUser({ viewport: PHONE });
    await open(page, session.running.host.url, '/events/detail?id=missing');
    const detail = screen(page, 'event-detail');
    await expectTexts(detail.locator('.btn-retry, .btn-go-home'), ['重试', '返回首页']);
  });

  test('signed in, an admin keeps the public list on 首页 and finds the console under 我的', async () => {
    const page = await signedIn(admin1);
    const mine = screen(page, 'mine');
    await mine.locator('.entry-filings').waitFor();
    await goHome(page);
    const home = screen(page, 'home');
    await home.locator('.event-list').waitFor();
    expect(await home.locator('.entry-filings').count()).toBe(0);
    await home.locator('.member-bar').click();
    await mine.locator('.entry-filings').waitFor();
  });

  test('a collective’s 首页 shows its filing’s state and deadline; 报备状态 shows the steps', async () => {
    const page = await signedIn(collective);
    await goHome(page);
    const card = screen(page, 'home').locator('.filing-card');
    await expectTexts(card.locator('.filing-badge'), ['已报备，待初审']);
    await card.click();
    const status = screen(page, 'filing-status-page');
    await expectTexts(status.locator('.filing-step--done .filing-step__title'), ['填写报备', '提交报备']);
    await expectTexts(status.locator('.filing-step--current .filing-step__title'), ['管理单位审核']);
  });
});

describe('the review queue', () => {
  test('opens on status tabs with their counts; the rarer filters wait behind 筛选', async () => {
    const page = await signedIn(admin1);
    await screen(page, 'mine').locator('.entry-filings').click();
    const queue = screen(page, 'queue');
    await expectTexts(queue.locator('.queue-tab--filed'), ['已报备，待初审 2']);
    expect(await queue.locator('.filter-category').count()).toBe(0);
    await queue.locator('.queue-tab--returned').click();
    await expectTexts(queue.locator('.filing-list .list-foot'), ['没有符合条件的报备']);
    await queue.locator('.queue-tab--filed').click();
    await expectTexts(queue.locator('.filing-item__name'), ['岳阳市交通运输局青年突击队', LONG_NAME]);
    await queue.locator('.btn-filters').click();
    await queue.locator('.filter-category .filter__option--region').click();
    await expectTexts(queue.locator('.btn-filters'), ['筛选（1） ▴']);
    await expectTexts(queue.locator('.filing-list .list-foot'), ['没有符合条件的报备']);
  });
});

describe('a filing waiting at a unit without an admin', () => {
  test('the level-1 admin is told, and issues that unit’s admin from the filing itself', async () => {
    const page = await signedIn(admin1);
    await open(page, session.running.host.url, `/admin/filings/detail?id=${encodeURIComponent(strandedId)}`);
    const detail = screen(page, 'filing-detail');
    expect(await textOf(detail.locator('.stage-without-admin'))).toContain('岳阳市交通运输局还没有二级管理员，这份报备无人审核。');
    await detail.locator('.link-issue-stage-admin').click();

    const issue = screen(page, 'issue');
    await field(issue, 'name').fill('交通运输局二级管理员');
    await issue.locator('.btn-submit').click();
    await expectTexts(screen(page, 'issue--done').locator('.result-message'), ['已为「交通运输局二级管理员」派发用户名']);
    const token = (await api<{ token: string }>('account', 'signIn', { code: admin1, password: PASSWORD })).token;
    const { filing } = await api<{ filing: { stageHasAdmin: boolean } }>('review', 'getFiling', { filingId: strandedId }, token);
    expect(filing.stageHasAdmin).toBe(true);
  });
});

describe('the 申报表 prints like the official form', () => {
  /** What a reader would see cut off: the table past the page edge, a cell's text past its cell, a name one character per line. */
  async function measure(page: Page) {
    return page.evaluate(() => {
      const table = document.querySelector('.application-form .af__table') as HTMLElement;
      const rect = table.getBoundingClientRect();
      const cells = Array.from(table.querySelectorAll<HTMLElement>('.af__cell'));
      const name = table.querySelector('.af-name') as HTMLElement;
      const nameText = document.createRange();
      nameText.selectNodeContents(name);
      const clipped = Array.from(document.querySelectorAll<HTMLElement>('*')).filter((el) => {
        const style = getComputedStyle(el);
        return el.contains(table) && style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1 && el !== document.documentElement;
      });
      return {
        pageWidth: document.documentElement.clientWidth,
        left: rect.left,
        right: rect.right,
        overflowing: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.innerText.slice(0, 20)),
        nameLines: new Set(Array.from(nameText.getClientRects()).map((line) => Math.round(line.top))).size,
        nameChars: name.innerText.length,
        clippingAncestors: clipped.map((el) => el.className),
      };
    });
  }

  test('on a phone the whole table is in view, the name reads across, the phone stays in its cell', async () => {
    const page = await signedIn(admin1);
    await open(page, session.running.host.url, `/admin/filings/form?id=${encodeURIComponent(filingId)}`);
    await screen(page, 'application-form').locator('.af-name').waitFor();
    const m = await measure(page);
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.right).toBeLessThanOrEqual(m.pageWidth);
    expect(m.overflowing).toEqual([]);
    expect(m.nameLines).toBeLessThanOrEqual(Math.ceil(m.nameChars / 6));
  });

  test('printed on A4 the table keeps within the margins and the long text runs onto further pages', async () => {
    const page = await signedIn(admin1, A4_CONTENT);
    await open(page, session.running.host.url, `/admin/filings/form?id=${encodeURIComponent(filingId)}`);
    await screen(page, 'application-form').locator('.af-name').waitFor();
    await page.emulateMedia({ media: 'print' });
    const m = await measure(page);
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.right).toBeLessThanOrEqual(m.pageWidth);
    expect(m.overflowing).toEqual([]);
    expect(m.clippingAncestors).toEqual([]);
    expect(await page.locator('.btn-print, .screen__bar').evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)).toBe(0);

    const pdf = (await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  });
});

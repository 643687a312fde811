import type { Page, Request } from 'playwright-core';
import {
  answerDialog,
  expectTexts,
  field,
  issueCode,
  open,
  openChildUnit,
  screen,
  signedInHome,
  signInFirstTime,
  submitSignIn,
  useBrowser,
} from './support/h5';

const LOCK_MESSAGE = '密码错误次数过多，请在 15 分钟后重试';
const WRONG_CREDENTIALS = '用户名或密码错误';

const session = useBrowser();


/**
 * The foundation, end to end in the H5 build: the office hands an admin a code, the admin hands a collective
 * one, each changes the one-time password first; then wrong passwords lock the collective. The steps share
 * the host and run in order; each reads the credentials the page before it showed.
 */
describe('from the office to a collective, in the browser', () => {
  const officePassword = 'Office2025pass';
  const adminPassword = 'Admin2025pass';
  const collectivePassword = 'Youth2025pass';
  const level1Unit = '端到端测试行业团工委';
  const level2Unit = '端到端测试二级团委';
  const adminName = '一级管理员甲';
  const collectiveName = '端到端测试青年突击队';

  let office: Page;
  let admin: Page;
  let adminCredentials: { code: string; oneTimePassword: string } | undefined;
  let collectiveCredentials: { code: string; oneTimePassword: string } | undefined;

  test('the office signs in with the one-time password printed by the seed and must change it first', async () => {
    office = await session.newUser();
    await signInFirstTime(office, session.running.host.url, session.running.office.code, session.running.office.oneTimePassword, officePassword);

    const mine = screen(office, 'mine');
    await expectTexts(mine.locator('.account-role'), ['组委会办公室']);
    await expectTexts(mine.locator('.account-code'), [session.running.office.code]);
  });

  test('the office creates a level-1 industry unit and issues an admin for it, seeing the one-time password once', async () => {
    await screen(office, 'mine').locator('.entry-units').click();
    const units = screen(office, 'units');
    await field(units, 'name').fill(level1Unit);
    await units.locator('.choice-option--industry').click();
    await units.locator('.btn-create-unit').click();
    await expectTexts(office.locator('.page-toast:visible'), [`已新建：${level1Unit}`]);

    await openChildUnit(office, level1Unit);
    await expectTexts(screen(office, 'units').locator('.unit-current .unit-kind'), ['行业']);
    adminCredentials = await issueCode(office, 'admin', adminName);

    expect(adminCredentials.code).not.toBe('');
    expect(adminCredentials.oneTimePassword).not.toBe('');
  });

  test('that admin signs in elsewhere, must change the password, creates a level-2 unit and issues a collective code', async () => {
    if (!adminCredentials) throw new Error('needs the admin issued by the previous step');
    admin = await session.newUser();
    await signInFirstTime(admin, session.running.host.url, adminCredentials.code, adminCredentials.oneTimePassword, adminPassword);

    const mine = screen(admin, 'mine');
    await expectTexts(mine.locator('.account-role'), ['一级管理员']);
    await expectTexts(mine.locator('.account-unit'), [level1Unit]);

    await mine.locator('.entry-units').click();
    const units = screen(admin, 'units');
    await expectTexts(units.locator('.unit-current .unit-name'), [level1Unit]);
    await field(units, 'name').fill(level2Unit);
    await units.locator('.btn-create-unit').click();
    await expectTexts(admin.locator('.page-toast:visible'), [`已新建：${level2Unit}`]);
    await openChildUnit(admin, level2Unit);
    collectiveCredentials = await issueCode(admin, 'collective', collectiveName);
  });

  test('the collective signs in with its one-time password, must change it, and then signs in with the new one', async () => {
    if (!collectiveCredentials) throw new Error('needs the collective issued by the previous step');
    const collective = await session.newUser();
    await signInFirstTime(collective, session.running.host.url, collectiveCredentials.code, collectiveCredentials.oneTimePassword, collectivePassword);

    const mine = screen(collective, 'mine');
    await expectTexts(mine.locator('.account-name'), [collectiveName]);
    await expectTexts(mine.locator('.account-unit'), [level2Unit]);
    await expectTexts(mine.locator('.collective-status'), ['正常']);

    await mine.locator('.btn-sign-out').click();
    await answerDialog(collective, '确认退出登录？', '退出');
    await screen(collective, 'mine').locator('.btn-sign-in').click();
    await submitSignIn(collective, collectiveCredentials.code, collectivePassword);
    await expectTexts(signedInHome(collective).locator('.account-name'), [collectiveName]);
  });

  test('five wrong passwords lock this browser\'s address out of the collective\'s code: the page says when to retry, and the right password waits too', async () => {
    if (!collectiveCredentials) throw new Error('needs the collective issued by an earlier step');
    const page = await session.newUser();
    await open(page, session.running.host.url, '/pages/auth/sign-in');
    const notice = screen(page, 'sign-in').locator('.form-error');

    for (let attempt = 1; attempt <= 4; attempt++) {
      await submitSignIn(page, collectiveCredentials.code, `Wrong${attempt}pass`);
      await expectTexts(notice, [WRONG_CREDENTIALS]);
    }
    await submitSignIn(page, collectiveCredentials.code, 'Wrong5pass');
    await expectTexts(notice, [LOCK_MESSAGE]);

    await submitSignIn(page, collectiveCredentials.code, collectivePassword);
    await expectTexts(notice, [LOCK_MESSAGE]);
    expect(await screen(page, 'sign-in').isVisible()).toBe(true);
  });
});

describe('the sign-in form in the browser', () => {
  test('submitted empty, it shows both field errors and sends no request', async () => {
    const page = await session.newUser();
    // At launch the app asks the server who is signed in; wait for that before watching for requests.
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/account')), open(page, session.running.host.url, '/pages/auth/sign-in')]);
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) sent.push(request);
    });

    const form = screen(page, 'sign-in');
    await form.locator('.btn-submit').click();

    // Each message stands under its label, so it gives the rule without repeating the label.
    await expectTexts(form.locator('.field-error--code'), ['请填写']);
    await expectTexts(form.locator('.field-error--password'), ['请填写']);
    expect(sent.map((request) => request.postData())).toEqual([]);
  });

  test('refused, it says why and keeps the typed code in the field', async () => {
    const page = await session.newUser();
    await open(page, session.running.host.url, '/pages/auth/sign-in');

    await submitSignIn(page, 'NOSUCHCODE01', 'Whatever123');

    const form = screen(page, 'sign-in');
    await expectTexts(form.locator('.form-error'), [WRONG_CREDENTIALS]);
    expect(await field(form, 'code').inputValue()).toBe('NOSUCHCODE01');
  });
});

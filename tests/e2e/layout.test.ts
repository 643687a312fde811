import type { Locator, Page } from 'playwright-core';
import { eventFields } from '../support/openweek';
import { client, issueCollective, publishedEvent } from '../support/openweek-http';
import { answerDialog, expectTexts, open, screen, signInFirstTime, useBrowser } from './support/h5';

const session = useBrowser();
/** A phone's screen, as people hold it: 390 × 844 CSS px. */
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN' };
const LONG = '开展岗位练兵、服务承诺和青年文明号开放周活动，组织青年员工参加技能培训和志愿服务。'.repeat(15);

/** Rows of a form (`.form-field` and the blocks between them) whose boxes overlap, or whose input spills out of its row. */
async function overlaps(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const problems: string[] = [];
    const rows = Array.from(root.querySelectorAll<HTMLElement>('.form-field, .filing-checks, .form-actions')).filter((el) => el.offsetParent !== null);
    const name = (el: Element) => (el.className.match(/form-field--(\w+)|filing-checks|form-actions/) ?? [el.className])[0];
    rows.forEach((row, i) => {
      const box = row.getBoundingClientRect();
      for (const input of Array.from(row.querySelectorAll('textarea, input'))) {
        const inner = input.getBoundingClientRect();
        if (inner.bottom > box.bottom + 0.5 || inner.right > box.right + 0.5) problems.push(`${name(row)}: its input spills out of the row`);
      }
      const next = rows[i + 1];
      if (next && !row.contains(next) && next.getBoundingClientRect().top < box.bottom - 0.5) problems.push(`${name(row)} overlaps ${name(next)}`);
    });
    return problems;
  });
}

/** Everything a finger taps on the visible page that is less than 44 px high, by role and name. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[role="button"], [role="radio"], [role="checkbox"], a[href]'))
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().width > 0)
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => `${el.getAttribute('role')} "${(el.getAttribute('aria-label') ?? el.innerText).trim()}" ${Math.round(el.getBoundingClientRect().height)}px`),
  );
}

/** Latin words in the visible text (account codes are capitals and digits: not words). */
async function englishWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return text.match(/\b[A-Za-z]*[a-z][A-Za-z]*\b/g) ?? [];
}

const PASSWORD = 'Youth2025pass';

describe('forms and pages on a 390 × 844 phone screen', () => {
  let collective: Page;
  let code = '';

  beforeAll(async () => {
    const issued = await issueCollective(session.running.host, '岳阳市公交一路青年班组');
    code = issued.code;
    collective = await session.newUser(PHONE);
    await signInFirstTime(collective, session.running.host.url, issued.code, issued.oneTimePassword, PASSWORD);
  });

  test('on the filing form, long 创建措施, 进度安排 and 先进事迹 push what follows down instead of covering it', async () => {
    await open(collective, session.running.host.url, '/collective/filing/index');
    const form = screen(collective, 'filing-form');
    await form.locator('.btn-submit').waitFor();
    for (const name of ['goals', 'measures', 'schedule', 'achievements']) {
      await form.getByRole('textbox', { name: { goals: '创建目标', measures: '创建措施', schedule: '进度安排', achievements: '先进事迹' }[name] }).fill(LONG);
    }
    expect(await overlaps(form)).toEqual([]);
    expect(await form.locator('.count-measures').innerText()).toBe(`${[...LONG].length}/2000`);
    // The page's own font, not the browser's monospace default for text areas.
    expect(await form.getByRole('textbox', { name: '创建措施' }).evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/mono/i);
  });

  test('on the event form, a long 活动介绍 stays above the cover image buttons', async () => {
    await open(collective, session.running.host.url, '/openweek/edit');
    const form = screen(collective, 'ow-edit');
    await form.getByRole('textbox', { name: '活动介绍' }).fill(LONG.slice(0, 1500));
    expect(await overlaps(form)).toEqual([]);
  });

  test('times are picked with the browser’s date and time controls, numbers with the number pad and their unit', async () => {
    await open(collective, session.running.host.url, '/openweek/edit');
    const form = screen(collective, 'ow-edit');
    expect(await form.getByLabel('开始时间').getAttribute('type')).toBe('datetime-local');
    expect(await form.getByLabel('报名截止').getAttribute('type')).toBe('datetime-local');
    expect(await form.getByLabel('名额').getAttribute('inputmode')).toBe('numeric');
    expect(await form.locator('.form-field--capacity .form-field__unit').innerText()).toBe('人');
    expect(await form.locator('.form-field--cancelHoursBefore .form-field__unit').innerText()).toBe('小时');
    await open(collective, session.running.host.url, '/collective/filing/index');
    const filing = screen(collective, 'filing-form');
    expect(await filing.getByLabel('成立时间').getAttribute('type')).toBe('date');
    expect(await filing.getByLabel('联系电话').getAttribute('type')).toBe('tel');
  });

  test('every button, choice and link on the main pages (the tabs 首页 and 我的 included) is at least 44 px high, the text is Chinese, images are described', async () => {
    const { eventId } = await publishedEvent(session.running.host, 5, '消防站开放日');
    const own = await ownPublishedEvent('公交调度开放日');
    const visitor = await session.newUser(PHONE);
    const pages: Array<[Page, string, string]> = [
      [visitor, '/pages/index/index', 'home'],
      [visitor, `/events/detail?id=${eventId}`, 'event-detail'],
      [visitor, `/events/signup?id=${eventId}`, 'event-signup'],
      [visitor, '/pages/auth/sign-in', 'sign-in'],
      [visitor, '/pages/mine/index', 'mine'],
      [collective, '/pages/index/index', 'home'],
      [collective, '/pages/mine/index', 'mine'],
      [collective, '/collective/filing/index', 'filing-form'],
      [collective, '/openweek/edit', 'ow-edit'],
      [collective, `/openweek/manage?id=${own.eventId}`, 'ow-manage'],
    ];
    for (const [page, route, root] of pages) {
      await open(page, session.running.host.url, route);
      await screen(page, root).locator('taro-button-core').first().waitFor();
      expect({ route, small: await smallTargets(page) }).toEqual({ route, small: [] });
      expect({ route, english: await englishWords(page) }).toEqual({ route, english: [] });
      expect({ route, imagesWithoutAlt: await page.locator('img:not([alt]):visible').count() }).toEqual({ route, imagesWithoutAlt: 0 });
    }
  });

  test('the browser lets people zoom', async () => {
    const page = await session.newUser(PHONE);
    await open(page, session.running.host.url, '/pages/index/index');
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
  });

  test('the sign-in form works from the keyboard: labelled fields, a button reached with Tab and pressed with Enter', async () => {
    const page = await session.newUser(PHONE);
    await open(page, session.running.host.url, '/pages/auth/sign-in');
    const form = screen(page, 'sign-in');
    await form.getByLabel('用户名').fill('NOSUCHCODE01');
    await form.getByLabel('密码', { exact: true }).fill('Whatever123');
    const signIn = form.getByRole('button', { name: '登录' });
    await signIn.focus();
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/account') && r.request().postData()?.includes('"signIn"') === true), page.keyboard.press('Enter')]);
    await form.locator('.form-error').waitFor();
    // 显示 reveals the typed password.
    await form.getByRole('button', { name: '显示密码' }).click();
    await form.getByRole('button', { name: '隐藏密码' }).waitFor();
    // Taro's input component passes the new type to its inner <input> a render later: wait for it.
    await form.getByLabel('密码', { exact: true }).and(page.locator('[type="text"]')).waitFor();
  });

  test('修改密码 submitted empty flags all three fields at once, the retyped one included', async () => {
    await open(collective, session.running.host.url, '/pages/auth/change-password');
    const form = screen(collective, 'change-password');
    await form.getByRole('button', { name: '确认修改' }).click();
    for (const name of ['oldPassword', 'newPassword', 'confirmPassword']) await expectTexts(form.locator(`.field-error--${name}`), ['请填写']);
  });

  /** An event of the signed-in collective, published over HTTP; its id and the collective's auth header. */
  async function ownPublishedEvent(title: string) {
    const post = client(session.running.host.url);
    const token = (await post('account', 'signIn', { code, password: PASSWORD })).body.data.token as string;
    const auth = { authorization: `Bearer ${token}` };
    const campaignId = (await post('openweek', 'filters', {})).body.data.campaigns[0].id as string;
    const eventId = (await post('openweek', 'createEvent', eventFields(Date.now(), campaignId, { title }), auth)).body.data.event.id as string;
    await post('openweek', 'publishEvent', { eventId }, auth);
    return { post, auth, eventId };
  }

  test('inputs without a visible label carry one for a screen reader (a placeholder is gone once typed in): 首页’s event search, 活动管理’s check-in code', async () => {
    const visitor = await session.newUser(PHONE);
    await open(visitor, session.running.host.url, '/pages/index/index');
    await screen(visitor, 'home').getByLabel('搜索活动名称', { exact: true }).waitFor();
    const { eventId } = await ownPublishedEvent('车站开放日');
    await open(collective, session.running.host.url, `/openweek/manage?id=${eventId}`);
    await screen(collective, 'ow-manage').getByLabel('签到码', { exact: true }).fill('NOSUCHCD');
    await screen(collective, 'ow-manage').getByRole('button', { name: '签到', exact: true }).first().click();
    await screen(collective, 'ow-manage').locator('.checkin-result').waitFor();
  });

  test('取消活动 asks for the reason in the form, then confirms in a dialog; backing out cancels nothing', async () => {
    const { post, auth, eventId } = await ownPublishedEvent('调度中心开放日');

    await open(collective, session.running.host.url, `/openweek/manage?id=${eventId}`);
    const manage = screen(collective, 'ow-manage');
    await manage.getByRole('button', { name: '取消活动' }).click();
    await expectTexts(manage.locator('.field-error--reason'), ['请填写']);
    expect(await collective.getByRole('alertdialog').count()).toBe(0);

    await manage.getByRole('textbox', { name: '取消原因' }).fill('场地检修');
    await manage.getByRole('button', { name: '取消活动' }).click();
    await answerDialog(collective, '确认取消活动？', '不取消');
    expect((await post('openweek', 'getManagedEvent', { eventId }, auth)).body.data.event.status).toBe('published');

    await manage.getByRole('button', { name: '取消活动' }).click();
    await answerDialog(collective, '确认取消活动？', '取消活动');
    await expectTexts(collective.locator('.page-toast:visible'), ['活动已取消']);
  });
});

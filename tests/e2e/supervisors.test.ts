import type { Page } from 'playwright-core';
import { PNG } from '../support/creationlog';
import { activate, client, issueCollective, must, officeHeaders } from '../support/openweek-http';
import { expectTexts, field, open, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';

const session = useBrowser();
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.SCREENSHOT_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.waitForTimeout(800).then(() => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }));
};

/**
 * 监督查评 in the H5 build: the office appoints a supervisor under 我的 → 社会监督员 and hands over the code;
 * a visitor redeems it under 我的监督, files a 明察暗访 report with a photo from a collective's 三亮 page (a
 * refused text is kept in the box); the office forwards it; the collective then reads it as 监督查评,
 * without the supervisor's name. The office then appoints one for a unit below it, chosen level by level.
 * The steps run in order.
 */
describe('a managing unit’s supervisor reports on a collective, and the unit forwards it', () => {
  let office: Page;
  let supervisor: Page;
  let code = '';
  let collective: Record<string, string> = {};
  const name = '李监督员';
  const report = `上午十点暗访公交一路调度室，窗口仅开一个，等候二十分钟，工作人员未佩戴工牌。${'服务承诺未公示上墙，'.repeat(40)}`;

  test('the office appoints a supervisor and sees the one-time code and link', async () => {
    const issued = await issueCollective(session.running.host, '岳阳市公交一路青年班组');
    const post = client(session.running.host.url);
    collective = await activate(post, issued.code, issued.oneTimePassword);
    code = (await must(post, 'evaluation', 'ownPublicPage', {}, collective)).code as string;

    office = await session.newUser({ viewport: PHONE });
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.host.office!.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await screen(office, 'mine').locator('.entry-supervisors').click();
    const page = screen(office, 'admin-supervisors');
    await expectTexts(page.locator('.supervisor-list .list-end'), ['尚未聘任社会监督员']);
    await shot(office, 'supervisors-empty');
    await page.locator('.btn-appoint').click();
    await expectTexts(page.locator('.field-error--name'), ['请填写']);
    await field(page, 'name').fill(name);
    await page.locator('.btn-appoint').click();
    await page.locator('.invitation-code').waitFor();
    expect(await textOf(page.locator('.invitation-link'))).toMatch(/#\/events\/supervision\?invite=[A-Z2-9]{12}$/);
    await expectTexts(page.locator('.supervisor-name'), [name]);
    await expectTexts(page.locator('.supervisor-status'), ['待接受邀请']);
    await shot(office, 'supervisors-appointed');
  });

  test('a visitor redeems the code and files a report with a photo; a refused text stays in the box', async () => {
    const invite = await textOf(screen(office, 'admin-supervisors').locator('.invitation-code'));
    supervisor = await session.newUser({ viewport: PHONE });
    await open(supervisor, session.running.host.url, `/events/supervision?invite=${invite}`);
    const mine = screen(supervisor, 'my-supervision');
    await expectTexts(mine.locator('.my-reports .list-end'), ['还没有提交过报告']);
    await expectTexts(mine.locator('.supervisor-roles .list-end'), ['尚未担任社会监督员：请输入管理单位发给您的邀请码']);
    await shot(supervisor, 'my-supervision-empty');
    await mine.locator('.btn-redeem').click();
    await mine.locator('.redeem-done').waitFor();
    // The list of roles reloads after the code is taken: wait for it, then count.
    await mine.locator('.supervisor-role').first().waitFor();
    expect(await mine.locator('.supervisor-role').count()).toBe(1);
    await shot(supervisor, 'my-supervision');

    await open(supervisor, session.running.host.url, `/events/collective?code=${code}`);
    const entry = screen(supervisor, 'collective-page').locator('.btn-new-report');
    await entry.scrollIntoViewIfNeeded();
    await shot(supervisor, 'collective-supervision-entry');
    await entry.click();
    const form = screen(supervisor, 'report-page');
    await form.locator('.report-collective').waitFor();
    await shot(supervisor, 'report-form');
    await form.locator('.rating-choice--2').click();
    await form.locator('.tag-choice', { hasText: '服务态度' }).click();
    const box = form.locator('.field-text textarea');
    await box.fill(`${report}办证刻章`);
    const [chooser] = await Promise.all([supervisor.waitForEvent('filechooser'), form.locator('.btn-add-photos').click()]);
    await chooser.setFiles([{ name: 'one.png', mimeType: 'image/png', buffer: PNG }]);
    await form.locator('.photo-field__item img').waitFor();
    await form.locator('.btn-submit-report').click();
    await expectTexts(form.locator('.field-error--text'), ['含有不宜公开的信息，请修改后再提交']);
    expect(await box.inputValue()).toBe(`${report}办证刻章`);
    expect(await form.locator('.photo-field__item img').count()).toBe(1);
    await shot(supervisor, 'report-refused');

    await box.fill(report);
    await form.locator('.btn-submit-report').click();
    await expectTexts(screen(supervisor, 'report-result').locator('.result-title'), ['报告已提交管理单位']);
    await screen(supervisor, 'report-result').locator('.btn-my-supervision').click();
    const reports = screen(supervisor, 'my-supervision').locator('.report-card__status');
    await reports.waitFor();
    expect(await textOf(reports)).toContain('待管理单位处理');
    await shot(supervisor, 'my-reports');
  });

  test('the office forwards it with a note; the collective reads it as 监督查评 without the supervisor', async () => {
    await open(office, session.running.host.url, '/admin/evaluation/reports');
    const queue = screen(office, 'admin-reports');
    expect(await textOf(queue.locator('.report-card__heading'))).toContain(name);
    expect(await queue.locator('.report-card__photo img').count()).toBe(1);
    await shot(office, 'reports-queue');
    await queue.locator('.report-decide textarea').fill('请五个工作日内整改并答复');
    await queue.locator('.btn-forward-report').click();
    await expectTexts(queue.locator('.list-end'), ['没有待处理的报告']);
    await shot(office, 'reports-empty');

    const own = await must(client(session.running.host.url), 'evaluation', 'collectiveEvaluations', {}, collective);
    expect(own.items).toEqual([expect.objectContaining({ channel: 'supervision', comment: report })]);
    await open(supervisor, session.running.host.url, `/events/collective?code=${code}`);
    const page = screen(supervisor, 'collective-page');
    expect(await textOf(page.locator('.supervision-evaluations'))).toContain('监督查评 1 条（差评 1 条）');
    expect(await textOf(page.locator('.public-comments'))).toContain('监督查评');
    expect(await page.innerText()).not.toContain(name);
    await shot(supervisor, 'collective-after-forward');
  });

  test('the office appoints a supervisor for a unit below it; the chosen unit survives a refused name', async () => {
    const post = client(session.running.host.url);
    const headers = await officeHeaders(session.running.host);
    const transport = ((await must(post, 'admin', 'listUnits', {}, headers)).items as Array<{ id: string; name: string }>).find((u) => u.name === '交通')!;
    const bureau = '岳阳市交通运输局城区公共交通服务中心青年志愿服务管理办公室';
    await must(post, 'admin', 'createUnit', { parentId: transport.id, name: bureau }, headers);

    // The first load of 交通's units fails: the chooser says why and loads them again on 重试.
    let failed = false;
    await office.route('**/api/admin', (route) => {
      const { action, data } = route.request().postDataJSON() as { action?: string; data?: { parentId?: string } };
      if (failed || action !== 'listUnits' || data?.parentId !== transport.id) return route.continue();
      failed = true;
      return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'STORE_UNAVAILABLE', message: '数据暂时无法读取，请稍后重试' } }) });
    });
    await open(office, session.running.host.url, '/admin/evaluation/supervisors');
    const page = screen(office, 'admin-supervisors');
    const chosen = page.locator('.unit-field__chosen');
    expect(await textOf(chosen)).toBe('岳阳市青年职工工作委员会（团市委青年发展部）');
    await page.locator('.unit-field__level--0 select').selectOption({ label: '交通' });
    await expectTexts(page.locator('.unit-field__failed-reason'), ['数据暂时无法读取，请稍后重试']);
    await shot(office, 'supervisors-unit-load-failed');
    await page.locator('.unit-field__retry').click();
    await office.unroute('**/api/admin');
    await page.locator('.unit-field__level--1 select').selectOption({ label: bureau });
    await expectTexts(chosen, [bureau]);
    await field(page, 'name').fill('王');
    await page.locator('.btn-appoint').click();
    await expectTexts(page.locator('.field-error--name'), ['至少2个字']);
    expect(await textOf(chosen)).toBe(bureau);
    await shot(office, 'supervisors-unit-chooser');

    await field(page, 'name').fill('王监督员');
    await page.locator('.btn-appoint').click();
    await page.locator('.invitation-code').waitFor();
    expect(await textOf(page.locator('.invitation-panel .otp-panel__title'))).toContain('王监督员');
    const row = page.locator('.supervisor-row', { hasText: '王监督员' });
    expect(await textOf(row)).toContain(bureau);
    // The next appointment starts from the same unit.
    expect(await textOf(chosen)).toBe(bureau);
    await shot(office, 'supervisors-appointed-below');
  });
});

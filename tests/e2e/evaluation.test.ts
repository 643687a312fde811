import type { Page } from 'playwright-core';
import { activate, client, issueCollective, must } from '../support/openweek-http';
import { eventFields } from '../support/openweek';
import { expectTexts, field, open, openChildUnit, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';

const session = useBrowser();
const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;

/**
 * 社会评价 in the H5 build: a visitor signs up for an event that starts within the hour, the collective
 * checks them in, and the visitor rates it 不满意 with a comment from their signups; a blocked word is
 * refused with the text kept. The 三亮 page then shows the figures and the comment. The steps run in order.
 */
describe('a visitor rates a service they attended, and the 三亮 page shows it', () => {
  let visitor: Page;
  let eventId = '';
  let collectiveCode = '';
  const comment = '讲解很仔细，但是等候时间太长，希望改进';

  test('the visitor signs up and the collective checks them in', async () => {
    const post = client(session.running.host.url);
    const issued = await issueCollective(session.running.host, '岳阳市公交一路青年班组');
    const collective = await activate(post, issued.code, issued.oneTimePassword);
    collectiveCode = issued.code;
    const campaignId = (await must(post, 'openweek', 'filters', {})).campaigns[0].id as string;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const draft = await must(post, 'openweek', 'createEvent', eventFields(now, campaignId, {
      startAt: iso(now + 30 * MINUTE), endAt: iso(now + 180 * MINUTE), signupOpensAt: iso(now - 60 * MINUTE), signupClosesAt: iso(now + 20 * MINUTE), cancelHoursBefore: 0, capacity: 10,
    }), collective);
    eventId = draft.event.id as string;
    await must(post, 'openweek', 'publishEvent', { eventId }, collective);

    visitor = await session.newUser({ viewport: PHONE });
    await open(visitor, session.running.host.url, `/events/signup?id=${eventId}`);
    const form = screen(visitor, 'event-signup');
    await field(form, 'name').fill('张三');
    await field(form, 'phone').fill('13812345678');
    await form.getByRole('checkbox', { name: '我已阅读并同意上述个人信息收集说明' }).click();
    await form.locator('.btn-submit-signup').click();
    await expectTexts(screen(visitor, 'signup-result').locator('.result-title'), ['报名成功']);

    const signups = await must(post, 'openweek', 'listSignups', { eventId }, collective);
    await must(post, 'openweek', 'checkIn', { eventId, signupId: signups.items[0].id }, collective);
  });

  test('from 报名 the visitor rates it 不满意 with a comment; a blocked word is refused and the text kept', async () => {
    await open(visitor, session.running.host.url, '/pages/signups/index');
    const mine = screen(visitor, 'my-signups');
    await expectTexts(mine.locator('.my-signup-status'), ['报名成功 · 已签到']);
    await mine.locator('.link-evaluate').click();

    const form = screen(visitor, 'evaluate-page');
    await expectTexts(form.locator('.evaluation-collective'), ['岳阳市公交一路青年班组']);
    await form.locator('.btn-submit-evaluation').click();
    await expectTexts(form.locator('.form-error'), ['满意程度：请选择']);

    await form.locator('.rating-choice--2').click();
    await form.locator('.tag-choice', { hasText: '办事效率' }).click();
    const box = form.locator('.field-comment textarea');
    await box.fill(`${comment}，不然就是办证刻章的水平`);
    await form.locator('.btn-submit-evaluation').click();
    await expectTexts(form.locator('.field-error--comment'), ['含有不宜公开的信息，请修改后再提交']);
    expect(await box.inputValue()).toBe(`${comment}，不然就是办证刻章的水平`);

    await box.fill(comment);
    await form.locator('.btn-submit-evaluation').click();
    const done = screen(visitor, 'evaluate-result');
    await expectTexts(done.locator('.result-title'), ['感谢你的评价']);
    await expectTexts(done.locator('.evaluation-card__rating'), ['不满意']);
  });

  test('the 三亮 page shows the updated figures and the comment, without the evaluator', async () => {
    await screen(visitor, 'evaluate-result').locator('.btn-public-page').click();
    const page = screen(visitor, 'collective-page');
    await expectTexts(page.locator('.collective-name'), ['岳阳市公交一路青年班组']);
    // Given in a browser, it is 网页评价: shown apart, outside the WeChat satisfaction rate.
    await expectTexts(page.locator('.web-evaluations'), ['网页评价 1 条（差评 1 条）']);
    await expectTexts(page.locator('.satisfaction-rate'), ['暂无']);
    await expectTexts(page.locator('.evaluation-summary__caption'), ['满意率 · 0 条微信评价']);
    // Nothing made public from its creation log yet: the section says so.
    await expectTexts(page.locator('.public-entries .list-end'), ['还没有公开的创建日志']);
    await page.locator('.public-entries').screenshot({ path: 'dist/screens/collective-public-entries-empty.png' });
    await expectTexts(page.locator('.rate-rule'), ['满意率 =（非常满意 + 满意 + 基本满意）÷ 微信评价总数；网页评价单独列出，不计入']);
    await expectTexts(page.locator('.public-comments .evaluation-comment'), [comment]);
    await expectTexts(page.locator('.public-comments .evaluation-tag'), ['办事效率']);
    expect(await textOf(page.locator('.public-comments .evaluation-card__meta'))).toBe('一次一评 · 网页评价');
    expect(await page.innerText()).not.toContain('张三');
    await expectTexts(page.locator('.public-commitment'), ['该集体尚未发布公开承诺']);
    await expectTexts(page.locator('.collective-events .event-title'), ['公交调度中心开放日']);
  });

  test('评价 is one tap from the 三亮 page: a 综合点评 of the month', async () => {
    const page = screen(visitor, 'collective-page');
    await page.locator('.btn-evaluate').click();
    const form = screen(visitor, 'evaluate-page');
    await expectTexts(form.locator('.evaluation-channel'), ['综合点评（每月一次）']);
    await form.locator('.rating-choice--5').click();
    await form.locator('.btn-submit-evaluation').click();
    await expectTexts(screen(visitor, 'evaluate-result').locator('.result-title'), ['感谢你的评价']);
    await screen(visitor, 'evaluate-result').locator('.btn-public-page').click();
    await expectTexts(screen(visitor, 'collective-page').locator('.web-evaluations'), ['网页评价 2 条（差评 1 条）']);
  });

  test('the collective writes its commitment in its editor; a blocked word is refused at the field with the text kept', async () => {
    const member = await session.newUser({ viewport: PHONE });
    await open(member, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(member, collectiveCode, 'Passw0rd!');
    await signedInHome(member).waitFor();
    await screen(member, 'mine').locator('.entry-public-page').click();
    const editor = screen(member, 'own-public-page');
    const box = editor.locator('.field-commitment textarea');
    await box.fill('承诺：微笑服务，代开发票');
    await editor.locator('.btn-save-public-page').click();
    await expectTexts(editor.locator('.field-error--commitment'), ['含有不宜公开的信息，请修改后再提交']);
    expect(await box.inputValue()).toBe('承诺：微笑服务，代开发票');
    await box.fill('微笑服务，首问负责，限时办结');
    await field(editor, 'serviceHours').fill('每日 6:00—22:00');
    await editor.locator('.btn-save-public-page').click();
    await editor.locator('.saved-notice').waitFor();
    await editor.locator('.btn-view-public-page').click();
    const page = screen(member, 'collective-page');
    await expectTexts(page.locator('.public-commitment'), ['微笑服务，首问负责，限时办结']);
    await expectTexts(page.locator('.public-hours'), ['服务时间：每日 6:00—22:00']);
  });

  test('the collective answers the 不满意 under 差评回访; the visitor reads the answer and rates the handling', async () => {
    const member = await session.newUser({ viewport: PHONE });
    await open(member, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(member, collectiveCode, 'Passw0rd!');
    await signedInHome(member).waitFor();
    await screen(member, 'mine').locator('.entry-cases').click();
    const cases = screen(member, 'collective-cases');
    await expectTexts(cases.locator('.evaluation-comment'), [comment]);
    expect(await textOf(cases.locator('.case-due'))).toMatch(/^答复期限：\d{4}-\d{2}-\d{2}（含当日，北京时间）$/);
    await cases.locator('.choice-option--rectification').click();
    await cases.locator('.field-text textarea').fill('已回访，高峰期增开一个讲解场次，减少等候');
    await cases.locator('.btn-reply-case').click();
    await expectTexts(cases.locator('.list-end'), ['没有待答复的差评']);

    await open(visitor, session.running.host.url, '/events/evaluations');
    await expectTexts(screen(visitor, 'my-evaluations').locator('.evaluation-reply'), ['集体答复（整改）：已回访，高峰期增开一个讲解场次，减少等候']);
    await screen(visitor, 'my-evaluations').locator('.handling-choice--dissatisfied').click();
    await expectTexts(screen(visitor, 'my-evaluations').locator('.handling-rated'), ['你对处理结果的评价：不满意']);
  });

  test('the office publishes 交通’s complaint channel; the 三亮 pages under it show it', async () => {
    const office = await session.newUser({ viewport: PHONE });
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.office.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await open(office, session.running.host.url, '/admin/units/index');
    await openChildUnit(office, '交通');
    await screen(office, 'units').locator('.btn-unit-complaint').click();
    const form = screen(office, 'complaint-channel-page');
    await field(form, 'phone').fill('0730-8888888');
    await field(form, 'email').fill('not-an-email');
    await form.locator('.btn-save-complaint').click();
    await expectTexts(form.locator('.field-error--email'), ['请填写有效的邮箱地址']);
    await field(form, 'email').fill('jt@example.org');
    await Promise.all([
      office.waitForResponse((r) => r.url().endsWith('/api/evaluation') && r.request().postData()?.includes('setComplaintChannel') === true && r.ok()),
      form.locator('.btn-save-complaint').click(),
    ]);

    await open(visitor, session.running.host.url, `/events/collective?id=${(await must(client(session.running.host.url), 'openweek', 'getEvent', { eventId })).event.collectiveId}`);
    const page = screen(visitor, 'collective-page');
    await expectTexts(page.locator('.complaint-phone'), ['电话：0730-8888888']);
    await expectTexts(page.locator('.complaint-email'), ['邮箱：jt@example.org']);
  });

  test('a handling rated 不满意 reaches the managing units: the office finds it under 转来的差评', async () => {
    const office = await session.newUser({ viewport: PHONE });
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.office.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await screen(office, 'mine').locator('.entry-escalated-cases').click();
    const queue = screen(office, 'escalated-cases');
    await expectTexts(queue.locator('.escalated-collective'), ['岳阳市公交一路青年班组']);
    expect(await textOf(queue.locator('.escalation-reason'))).toMatch(/^评价人对处理结果不满意 · 转来于 /);
    await expectTexts(queue.locator('.evaluation-comment'), [comment]);
  });

  test('the collective appeals the 不满意 as 误评; upheld by the office, it leaves the figures, kept as 不计入', async () => {
    const member = await session.newUser({ viewport: PHONE });
    await open(member, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(member, collectiveCode, 'Passw0rd!');
    await signedInHome(member).waitFor();
    await screen(member, 'mine').locator('.entry-evaluations').click();
    const received = screen(member, 'collective-evaluations');
    const card = received.locator('.evaluation-card', { hasText: comment });
    await card.locator('.link-appeal').click();
    await card.locator('.btn-submit-appeal').click();
    await expectTexts(card.locator('.field-error--reasons'), ['请填写']);
    await card.locator('.choice-option--mistaken').click();
    await card.locator('.field-reasons textarea').fill('当天该时段未举办活动，评价与本集体无关');
    await card.locator('.btn-submit-appeal').click();
    await expectTexts(card.locator('.appeal-sent'), ['已提交申诉，等待一级管理员复核']);

    const office = await session.newUser({ viewport: PHONE });
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.office.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await screen(office, 'mine').locator('.entry-appeals').click();
    const appeals = screen(office, 'admin-appeals');
    await expectTexts(appeals.locator('.appeal-card .evaluation-comment'), [comment]);
    await appeals.locator('.choice-option--uphold').click();
    await appeals.locator('.field-comment textarea').fill('经核实为误评');
    await appeals.locator('.btn-decide-appeal').click();
    await expectTexts(appeals.locator('.list-end'), ['没有待复核的申诉']);

    await open(visitor, session.running.host.url, `/events/collective?id=${(await must(client(session.running.host.url), 'openweek', 'getEvent', { eventId })).event.collectiveId}`);
    await expectTexts(screen(visitor, 'collective-page').locator('.web-evaluations'), ['网页评价 1 条（差评 0 条）']);
    await open(member, session.running.host.url, '/collective/public/evaluations');
    await expectTexts(screen(member, 'collective-evaluations').locator('.evaluation-excluded'), ['不计入 · 申诉成立（误评）：经核实为误评']);
  });
});

import type { Page } from 'playwright-core';
import { activate, client, issueCollective, must, officeHeaders } from '../support/openweek-http';
import { expectTexts, open, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';

const session = useBrowser();
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * 投诉 in the H5 build: a visitor complains from the 三亮 page (a blocked word is refused with the text kept),
 * the office reads it with the phone under 我的 → 投诉处理 and finds it 属实, and the visitor reads the
 * response under 我的投诉. The steps run in order.
 */
describe('a visitor complains about a collective and the managing unit responds', () => {
  let visitor: Page;
  let code = '';
  const text = `窗口工作人员态度冷淡，多次询问均不予理睬。${'等候时间过长，'.repeat(30)}`;

  test('from the 三亮 page the visitor files a complaint; a blocked word is refused and the text kept', async () => {
    const issued = await issueCollective(session.running.host, '岳阳市公交二路青年班组');
    const post = client(session.running.host.url);
    const collective = await activate(post, issued.code, issued.oneTimePassword);
    code = (await must(post, 'evaluation', 'ownPublicPage', {}, collective)).code as string;

    visitor = await session.newUser({ viewport: PHONE });
    await open(visitor, session.running.host.url, `/events/collective?code=${code}`);
    await screen(visitor, 'collective-page').locator('.link-complain').click();
    const form = screen(visitor, 'complain-page');
    await form.locator('.btn-submit-complaint').click();
    await form.getByText('投诉类别：请选择').first().waitFor();
    await form.locator('.tag-choice', { hasText: '服务态度' }).click();
    const box = form.locator('.field-text textarea');
    await box.fill(`${text}办证刻章`);
    await form.locator('.field-phone input').fill('13987654321');
    await form.locator('.btn-submit-complaint').click();
    await expectTexts(form.locator('.field-error--text'), ['含有不宜公开的信息，请修改后再提交']);
    expect(await box.inputValue()).toBe(`${text}办证刻章`);
    if (SHOTS) await visitor.waitForTimeout(800).then(() => visitor.screenshot({ path: `${SHOTS}/complain-refused.png` }));

    await box.fill(text);
    await form.locator('.btn-submit-complaint').click();
    await expectTexts(screen(visitor, 'complain-result').locator('.result-title'), ['投诉已提交']);
    await screen(visitor, 'complain-result').locator('.btn-my-complaints').click();
    await expectTexts(screen(visitor, 'my-complaints').locator('.case-reply'), ['管理单位核实中']);
    expect(await screen(visitor, 'my-complaints').innerText()).not.toContain('13987654321');
  });

  test('the office reads it with the phone and finds it 属实; the visitor reads the response', async () => {
    await officeHeaders(session.running.host);
    const office = await session.newUser({ viewport: PHONE });
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.host.office!.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await screen(office, 'mine').locator('.entry-complaints').click();
    const queue = screen(office, 'unit-complaints');
    await expectTexts(queue.locator('.complaint-phone'), ['联系电话：13987654321']);
    if (SHOTS) await office.waitForTimeout(800).then(() => office.screenshot({ path: `${SHOTS}/complaints-queue.png` }));
    await queue.locator('.field-rectificationRequest textarea').fill('高峰期增开服务窗口');
    await queue.locator('.complaint-decide textarea').fill('经核实情况属实，已约谈班组负责人。');
    await queue.locator('.btn-uphold-complaint').click();
    await expectTexts(queue.locator('.list-end'), ['没有待核实的投诉']);

    await open(visitor, session.running.host.url, '/events/complaints');
    const mine = screen(visitor, 'my-complaints');
    expect(await textOf(mine.locator('.complaint-response'))).toContain('管理单位答复（核实属实）：经核实情况属实，已约谈班组负责人。');
    if (SHOTS) await visitor.waitForTimeout(800).then(() => visitor.screenshot({ path: `${SHOTS}/my-complaints.png` }));
  });
});

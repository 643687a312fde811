import { client, issueCollective, must, officeHeaders, visitors } from '../support/openweek-http';
import { expectTexts, open, screen, signedInHome, signInFirstTime, submitSignIn, textOf, useBrowser } from './support/h5';

const session = useBrowser();
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * The collective's own rectification in the H5 build: with nothing asked of it, 我的 → 投诉整改 says so; once
 * the unit upholds a complaint with a 整改要求 the collective reports what it did there (a blocked word is
 * refused with the text kept), and the unit's confirmation shows on the same page.
 */
describe('the collective reports how it put an upheld complaint right', () => {
  test('empty at first; then it reports, a refused word keeps the text, and the confirmation shows', async () => {
    const name = '岳阳市公交集团第二分公司城区公交三路青年文明号服务班组';
    const issued = await issueCollective(session.running.host, name);
    const page = await session.newUser({ viewport: PHONE });
    await signInFirstTime(page, session.running.host.url, issued.code, issued.oneTimePassword, 'Passw0rd!');
    await screen(page, 'mine').locator('.entry-collective-complaints').click();
    const list = screen(page, 'collective-complaints');
    await expectTexts(list.locator('.list-end'), ['没有需要整改的投诉']);
    if (SHOTS) await page.waitForTimeout(500).then(() => page.screenshot({ path: `${SHOTS}/collective-complaints-empty.png` }));

    const post = client(session.running.host.url);
    const office = await officeHeaders(session.running.host);
    // The browser replaced the one-time password: the API signs in with the new one.
    const token = (await must(post, 'account', 'signIn', { code: issued.code, password: 'Passw0rd!' })).token as string;
    const code = (await must(post, 'evaluation', 'ownPublicPage', {}, { authorization: `Bearer ${token}` })).code as string;
    const [visitor] = await visitors(post, 1);
    const { complaint } = await must(post, 'evaluation', 'complain', { code, category: 'attitude', text: '高峰期只开一个窗口，排队近一小时无人疏导。' }, visitor);
    const request = `高峰期增开服务窗口，${'并在醒目位置公示等候时间，'.repeat(6)}`;
    await must(post, 'evaluation', 'respondToComplaint', { complaintId: complaint.id, verdict: 'upheld', text: '经核实情况属实，已约谈班组负责人。', rectificationRequest: request }, office);

    await open(page, session.running.host.url, '/collective/public/complaints');
    const reloaded = screen(page, 'collective-complaints');
    await expectTexts(reloaded.locator('.complaint-request'), [`整改要求：${request}`]);
    const box = reloaded.locator('.form-field--text textarea');
    const report = `工作日7:00—9:00增开两个窗口，${'等候时间已公示上墙，'.repeat(8)}`;
    await box.fill(`${report}办证刻章`);
    await reloaded.locator('.btn-rectify-complaint').click();
    await expectTexts(reloaded.locator('.field-error--text'), ['含有不宜公开的信息，请修改后再提交']);
    expect(await box.inputValue()).toBe(`${report}办证刻章`);
    await box.fill(report);
    await reloaded.locator('.btn-rectify-complaint').click();
    await expectTexts(reloaded.locator('.complaint-rectification-state'), [`待管理单位确认：${report}`]);
    if (SHOTS) await page.waitForTimeout(500).then(() => page.screenshot({ path: `${SHOTS}/collective-complaints-reported.png`, fullPage: true }));

    // The office confirms it on its 投诉处理 queue (already answered: the 已答复 tab).
    const admin = await session.newUser({ viewport: PHONE });
    await open(admin, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(admin, session.running.host.office!.code, 'Passw0rd!');
    await signedInHome(admin).waitFor();
    await screen(admin, 'mine').locator('.entry-complaints').click();
    const queue = screen(admin, 'unit-complaints');
    await queue.locator('.tab-responded').click();
    await expectTexts(queue.locator('.collective-rectification'), [`集体报告的整改情况（待管理单位确认）：${report}`]);
    if (SHOTS) await admin.waitForTimeout(500).then(() => admin.screenshot({ path: `${SHOTS}/complaints-rectification-review.png`, fullPage: true }));
    await queue.locator('.btn-confirm-rectification').click();
    // Confirmed, it is the complaint's recorded rectification, which the complainant reads.
    await expectTexts(queue.locator('.collective-rectification'), []);
    expect(await textOf(queue.locator('.complaint-response'))).toContain(`整改情况：${report}`);
    await open(page, session.running.host.url, '/collective/public/complaints');
    await expectTexts(screen(page, 'collective-complaints').locator('.complaint-rectification-state'), [`管理单位已确认：${report}`]);
  });
});

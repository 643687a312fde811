import { createHash } from 'node:crypto';
import { activate, client, issueCollective, must, visitors } from '../support/openweek-http';
import { PNG } from '../support/creationlog';
import { expectTexts, open, screen, signedInHome, submitSignIn, textOf, useBrowser } from './support/h5';

/** Photos the local content check holds for a verdict, as WeChat's mediaCheckAsync does every photo. */
const PHOTOS = [1, 2, 3].map((n) => Buffer.concat([PNG, Buffer.from(`platform-photo-${n}`)]));
const PHOTO_HASHES = PHOTOS.map((bytes) => createHash('sha256').update(bytes).digest('hex'));

// The local content check leaves comments with this word for review, as msgSecCheck does when unsure.
const session = useBrowser({ CONTENT_REVIEW_WORDS: '微信号', CONTENT_HELD_IMAGES: PHOTO_HASHES.join(',') });
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * The review queue in the H5 build: two comments content security left for review wait under 我的 → 待审核评价
 * without their writers; the office counts one (it appears on the 三亮 page) and keeps the other off the page,
 * which needs a reason. The steps run in order.
 */
describe('the managing unit reviews comments held for review', () => {
  let code = '';
  const longName = '岳阳市公交集团第二分公司城区公交二路青年文明号服务班组';
  const longComment = `司机师傅很耐心，车内整洁，有事可加我微信号详聊。${'服务周到，'.repeat(20)}`;

  test('the queue shows each comment and nobody who wrote it; 不计入 without a reason is refused, with one it leaves the queue', async () => {
    const issued = await issueCollective(session.running.host, longName);
    const post = client(session.running.host.url);
    const collective = await activate(post, issued.code, issued.oneTimePassword);
    code = (await must(post, 'evaluation', 'ownPublicPage', {}, collective)).code as string;
    const [first, second] = await visitors(post, 2);
    await must(post, 'evaluation', 'evaluate', { code, rating: 5, comment: longComment }, first);
    await must(post, 'evaluation', 'evaluate', { code, rating: 2, comment: '态度一般，加微信号投诉' }, second);

    const office = await session.newUser({ viewport: PHONE });
    await open(office, session.running.host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.host.office!.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await screen(office, 'mine').locator('.entry-evaluation-reviews').click();
    const queue = screen(office, 'evaluation-reviews');
    await expectTexts(queue.locator('.review-collective'), [longName, longName]);
    expect(await textOf(queue)).toContain('服务周到');
    expect(await textOf(queue)).not.toContain(first['x-visitor-token'].split('.')[1]);
    if (SHOTS) await office.waitForTimeout(800).then(() => office.screenshot({ path: `${SHOTS}/evaluation-reviews.png`, fullPage: true }));

    // Newest first: the 不满意 one. 不计入 without a reason is refused at the reason.
    const newest = queue.locator('.evaluation-review').first();
    await newest.locator('.btn-exclude-review').click();
    await expectTexts(newest.locator('.field-error--comment'), ['请填写']);
    await newest.locator('.review-decide textarea').fill('含联系方式，不宜公开');
    await newest.locator('.btn-exclude-review').click();
    await expectTexts(queue.locator('.review-collective'), [longName]);
    await queue.locator('.btn-count-review').click();
    await expectTexts(queue.locator('.list-end'), ['没有待审核的评价']);
    if (SHOTS) await office.waitForTimeout(500).then(() => office.screenshot({ path: `${SHOTS}/evaluation-reviews-empty.png` }));

    await queue.locator('.tab-decided').click();
    await queue.locator('.review-decision').nth(1).waitFor();
    const [excluded, counted] = await queue.locator('.review-decision').allInnerTexts();
    expect(excluded).toMatch(/^不计入：含联系方式，不宜公开（/);
    expect(counted).toMatch(/^计入（/);
  });

  test('the counted comment is on the 三亮 page; the one not counted is not', async () => {
    const visitor = await session.newUser({ viewport: PHONE });
    await open(visitor, session.running.host.url, `/events/collective?code=${code}`);
    const page = screen(visitor, 'collective-page');
    await page.getByText('司机师傅很耐心', { exact: false }).first().waitFor();
    expect(await textOf(page)).not.toContain('态度一般，加微信号投诉');
  });

  test('photos WeChat left for a person wait as 照片待人工审核, shown to the admin; 计入 puts them on the 三亮 page', async () => {
    const url = session.running.host.url;
    const post = client(url);
    const [rater] = await visitors(post, 1);
    const photos: string[] = [];
    for (const bytes of PHOTOS) photos.push((await must(post, 'evaluation', 'uploadPhoto', { contentType: 'image/png', base64: bytes.toString('base64') }, rater)).url as string);
    await must(post, 'evaluation', 'evaluate', { code, rating: 4, photos }, rater);
    for (const image of PHOTO_HASHES) {
      const pushed = await fetch(`${url}/dev/media-verdict`, { method: 'POST', body: JSON.stringify({ image, suggest: 'review' }) });
      expect(await pushed.json()).toEqual({ ok: true, data: { outcomes: ['applied'] } });
    }

    const office = await session.newUser({ viewport: PHONE });
    await open(office, url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.host.office!.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await screen(office, 'mine').locator('.entry-evaluation-reviews').click();
    const queue = screen(office, 'evaluation-reviews');
    await expectTexts(queue.locator('.review-why .case-overdue'), ['照片待人工审核']);
    await queue.locator('.review-photos .evaluation-photo').nth(2).waitFor();
    expect(await queue.locator('.review-photos .evaluation-photo').count()).toBe(3);
    if (SHOTS) await office.waitForTimeout(800).then(() => office.screenshot({ path: `${SHOTS}/evaluation-reviews-photos.png`, fullPage: true }));
    await queue.locator('.btn-count-review').click();
    await expectTexts(queue.locator('.list-end'), ['没有待审核的评价']);

    const visitor = await session.newUser({ viewport: PHONE });
    await open(visitor, url, `/events/collective?code=${code}`);
    const page = screen(visitor, 'collective-page');
    await page.locator('.evaluation-photo').nth(2).waitFor();
    expect(await page.locator('.evaluation-photo').count()).toBe(3);
  });
});

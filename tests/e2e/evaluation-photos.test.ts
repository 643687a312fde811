import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { activate, client, issueCollective, must } from '../support/openweek-http';
import { PNG } from '../support/creationlog';
import { expectTexts, open, screen, useBrowser } from './support/h5';

/**
 * A photo the local content check holds, as WeChat's mediaCheckAsync holds every photo until its verdict: a tiny PNG
 * (smaller than any JPEG the browser would re-encode it to, so the picker sends it as it is).
 */
const PHOTO = Buffer.concat([PNG, Buffer.from('window-of-the-bus-station')]);
const PHOTO_HASH = createHash('sha256').update(PHOTO).digest('hex');

const session = useBrowser({ CONTENT_HELD_IMAGES: PHOTO_HASH });
const PHONE = { width: 390, height: 844 };
/** Where to save screenshots at 390 × 844 (after the page's slide-in has settled), when asked for. */
const SHOTS = process.env.SCREENSHOT_DIR;
const shoot = async (page: Page, name: string) => {
  if (SHOTS) await page.waitForTimeout(800).then(() => page.screenshot({ path: `${SHOTS}/${name}.png` }));
};

/**
 * 综合点评 with a photo in the H5 build: the visitor rates the collective from its 三亮 page with a comment and
 * a photo; the comment shows at once, the photo only after its verdict arrives (on one machine, the local stand-in
 * for WeChat's push at /dev/media-verdict). The steps run in order.
 */
describe('a visitor rates with a photo, and it shows on the 三亮 page once it passes', () => {
  let visitor: Page;
  let code = '';

  test('the visitor adds a photo to the evaluation; it waits for its check', async () => {
    const post = client(session.running.host.url);
    const issued = await issueCollective(session.running.host, '岳阳市公交一路青年班组');
    code = (await must(post, 'evaluation', 'ownPublicPage', {}, await activate(post, issued.code, issued.oneTimePassword))).code as string;

    visitor = await session.newUser({ viewport: PHONE });
    await open(visitor, session.running.host.url, `/events/evaluate?code=${code}`);
    const form = screen(visitor, 'evaluate-page');
    await form.locator('.rating-choice--5').click();
    await form.locator('.field-comment textarea').fill('窗口服务热情，办理很快');
    const [chooser] = await Promise.all([visitor.waitForEvent('filechooser'), form.locator('.btn-add-photos').click()]);
    await chooser.setFiles({ name: 'window.png', mimeType: 'image/png', buffer: PHOTO });
    await expectTexts(form.locator('.photo-field .form-field__label'), ['照片（1/3）']);
    await shoot(visitor, 'evaluate-with-photo');

    await form.locator('.btn-submit-evaluation').click();
    const done = screen(visitor, 'evaluate-result');
    await expectTexts(done.locator('.result-title'), ['感谢你的评价']);
    await expectTexts(done.locator('.photos-review-note'), ['照片审核通过后随评价公开显示']);

    // 我的评价 says the photo waits; the evaluation itself is there with its comment.
    await done.locator('.btn-my-evaluations').click();
    const mine = screen(visitor, 'my-evaluations');
    await expectTexts(mine.locator('.my-photos-note'), ['1 张照片审核中，通过后公开显示']);
    await shoot(visitor, 'my-evaluations-photo-review');
  });

  test('the 三亮 page shows the comment without the photo until its verdict passes, then with it', async () => {
    // By its address: the result page's 查看三亮主页 is evaluation.test.ts's step.
    await open(visitor, session.running.host.url, `/events/collective?code=${code}`);
    const page = screen(visitor, 'collective-page');
    await expectTexts(page.locator('.evaluation-comment'), ['窗口服务热情，办理很快']);
    expect(await page.locator('.evaluation-photo').count()).toBe(0);

    const pushed = await fetch(`${session.running.host.url}/dev/media-verdict`, { method: 'POST', body: JSON.stringify({ image: PHOTO_HASH, suggest: 'pass' }) });
    expect(await pushed.json()).toEqual({ ok: true, data: { outcomes: ['applied'] } });

    await visitor.reload();
    const after = screen(visitor, 'collective-page');
    await expectTexts(after.locator('.evaluation-comment'), ['窗口服务热情，办理很快']);
    await after.locator('.evaluation-photo').first().waitFor();
    expect(await after.locator('.evaluation-photo').count()).toBe(1);
    await after.locator('.evaluation-photo').first().scrollIntoViewIfNeeded();
    await shoot(visitor, 'collective-evaluation-photo');
  });
});

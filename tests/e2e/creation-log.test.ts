import type { Page } from 'playwright-core';
import { client, must, officeHeaders } from '../support/openweek-http';
import { PNG } from '../support/creationlog';
import { mp4File } from '../support/mp4';
import { answerDialog, expectTexts, field, open, screen, signedInHome, signInFirstTime, submitSignIn, textOf, useBrowser } from './support/h5';

const session = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 } };

/** Today's date in China time, 'YYYY-MM-DD': the work was done today. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 创建日志 in the H5 build: a collective under 岳阳市交通运输局 (level 2, under 交通) writes an entry with two
 * images and submits it; the bureau's level-2 admin sees it 未读, reads it (已阅) and adds guidance; the
 * collective then sees the guidance on its entry. The steps share the host and run in order.
 */
describe('a creation-log entry from the collective to its level-2 admin and back, in the browser', () => {
  let collective: Page;
  let admin: Page;
  let accounts: { collective: { code: string; oneTimePassword: string }; admin: { code: string; oneTimePassword: string } };
  const title = '公交一路青年志愿服务日';
  const guidance = '请补充服务人次的统计方法，并在下次动态中附上乘客反馈。';

  beforeAll(async () => {
    const host = session.running.host;
    const post = client(host.url);
    const office = await officeHeaders(host);
    const transport = ((await must(post, 'admin', 'listUnits', {}, office)).items as Array<{ id: string; name: string }>).find((u) => u.name === '交通')!;
    const bureau = (await must(post, 'admin', 'createUnit', { parentId: transport.id, name: '岳阳市交通运输局' }, office)).unit as { id: string };
    const issue = async (role: 'admin' | 'collective', name: string) => {
      const issued = await must(post, 'admin', 'createAccount', { unitId: bureau.id, role, name }, office);
      return { code: issued.account.code as string, oneTimePassword: issued.oneTimePassword as string };
    };
    accounts = { collective: await issue('collective', '岳阳市公交一路青年班组'), admin: await issue('admin', '交通运输局二级管理员') };
  });

  test('the collective writes an entry with two images, saved as a draft as it types, and submits it', async () => {
    collective = await session.newUser(PHONE);
    await signInFirstTime(collective, session.running.host.url, accounts.collective.code, accounts.collective.oneTimePassword, 'Youth2025pass');
    await screen(collective, 'mine').locator('.entry-creation-log').click();
    const log = screen(collective, 'creation-log');
    await expectTexts(log.locator('.cl-drafts .list-end'), ['没有草稿']);
    await log.locator('.btn-new-entry').click();

    const form = screen(collective, 'cl-edit');
    await field(form, 'title').fill(title);
    await field(form, 'workDate').fill(chinaToday());
    await form.locator('.choice-option--volunteer').click();
    await form.locator('.field-text textarea').fill('班组青年在公交站台开展志愿服务，为乘客指路、帮扶老人上下车，共服务乘客三百余人次。');
    const [chooser] = await Promise.all([collective.waitForEvent('filechooser'), form.locator('.btn-add-images').click()]);
    await chooser.setFiles([
      { name: 'one.png', mimeType: 'image/png', buffer: PNG },
      { name: 'two.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await form.locator('.entry-image img').nth(1).waitFor();
    expect(await form.locator('.entry-image img').count()).toBe(2);
    const sources = await form.locator('.entry-image img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
    // Each went by one PUT to the path the function issued (a 1×1 PNG stays PNG: re-encoding would make it larger).
    for (const src of sources) expect(src).toMatch(/^\/files\/creationlog\/[0-9a-f]+\/[0-9a-f]{32}\.png$/);
    await form.locator('.draft-saved', { hasText: '草稿已保存' }).waitFor();

    // A video goes from the browser to the host's files, then the server reads what it is: 61 seconds is refused at the field.
    const addVideo = async (bytes: Buffer) => {
      const [picker] = await Promise.all([collective.waitForEvent('filechooser'), form.locator('.btn-add-video').click()]);
      await picker.setFiles([{ name: 'clip.mp4', mimeType: 'video/mp4', buffer: bytes }]);
    };
    await addVideo(mp4File({ seconds: 61 }));
    await expectTexts(form.locator('.field-error--video'), ['不能超过60秒（这个视频约61秒）']);
    await addVideo(mp4File({ seconds: 12, mediaBytes: 300_000 }));
    await expectTexts(form.locator('.video-facts'), ['视频 12秒 · 0.3MB · 提交后经管理员审核才公开']);
    await form.locator('.draft-saved', { hasText: '草稿已保存' }).waitFor();

    await form.locator('.btn-submit-entry').click();
    await answerDialog(collective, '确认提交创建日志？', '提交');
    const entry = screen(collective, 'cl-entry');
    await expectTexts(entry.locator('.cl-submitted'), ['已提交创建日志，上级管理单位可以看到。']);
    expect(await textOf(entry.locator('.entry-status'))).toMatch(/^已提交 /);
    await entry.locator('.entry-image img').nth(1).waitFor();
    expect(await entry.locator('.entry-image img').count()).toBe(2);
    await expectTexts(entry.locator('.entry-video-status'), ['视频 12秒 · 0.3MB · 待管理员审核，通过前不公开']);
    await expectTexts(entry.locator('.cl-guidance-list .list-end'), ['暂无指导意见']);
    // Read-only now: only a correction can follow.
    await expectTexts(entry.locator('.btn-correct-entry'), ['更正（新建一条更正动态）']);
  });

  test('the level-2 admin sees it 未读, reads it, and adds guidance', async () => {
    admin = await session.newUser(PHONE);
    await signInFirstTime(admin, session.running.host.url, accounts.admin.code, accounts.admin.oneTimePassword, 'Admin2025pass');
    await screen(admin, 'mine').locator('.entry-admin-creation-log').click();
    const feed = screen(admin, 'admin-creation-log');
    const card = feed.locator('.entry-card', { hasText: title });
    await expectTexts(card.locator('.cl-unread'), ['未读']);
    await expectTexts(feed.locator('.stats-total'), ['已提交 1 条 · 近30天有提交的集体 1 个']);
    // The feed lists the thumbnails the browser made beside each image (a canvas re-encoded as JPEG), not the images.
    await card.locator('.entry-thumbnail img').nth(1).waitFor();
    const thumbnails = await card.locator('.entry-thumbnail img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
    expect(thumbnails).toHaveLength(2);
    for (const src of thumbnails) expect(src).toMatch(/^\/files\/creationlog\/[0-9a-f]+\/[0-9a-f]{32}-320\.jpg$/);
    await admin.screenshot({ path: 'dist/screens/creation-log-feed-thumbnails.png' });
    await card.click();

    const page = screen(admin, 'admin-cl-entry');
    await expectTexts(page.locator('.entry-text'), ['班组青年在公交站台开展志愿服务，为乘客指路、帮扶老人上下车，共服务乘客三百余人次。']);
    // 待审核视频: nothing checks a video automatically, so the admin approves it after watching.
    await page.locator('.btn-approve-video').click();
    await expectTexts(page.locator('.entry-video-status'), ['视频 12秒 · 0.3MB · 已由岳阳市交通运输局审核通过']);
    expect(await page.locator('.btn-approve-video').count()).toBe(0);
    await page.locator('.field-guidance textarea').fill(guidance);
    await page.locator('.btn-send-guidance').click();
    await expectTexts(page.locator('.guidance-text'), [guidance]);
    expect(await textOf(page.locator('.guidance-who'))).toMatch(/^岳阳市交通运输局 · 二级管理员 · /);
  });

  test('back in the feed the entry is 已阅 for that admin', async () => {
    await admin.goBack();
    const feed = screen(admin, 'admin-creation-log');
    await expectTexts(feed.locator('.entry-card', { hasText: title }).locator('.cl-read'), ['已阅']);
    // Its video was approved: it is among 有视频, no longer among 视频待审核.
    await feed.locator('.chip-video-pending').click();
    await expectTexts(feed.locator('.cl-feed .list-end'), ['没有符合筛选条件的创建日志']);
    await feed.locator('.chip-video-any').click();
    await expectTexts(feed.locator('.entry-card .entry-title'), [title]);
  });

  test('the collective sees the guidance on its entry', async () => {
    await collective.reload();
    const entry = screen(collective, 'cl-entry');
    await expectTexts(entry.locator('.guidance-text'), [guidance]);
  });

  test('the collective makes the entry 公开 and it shows on its 三亮 page, with its approved video', async () => {
    const entry = screen(collective, 'cl-entry');
    await expectTexts(entry.locator('.entry-public-state'), ['未公开：仅本集体和上级管理单位可见']);
    await entry.locator('.btn-entry-public').click();
    await expectTexts(entry.locator('.entry-public-state'), ['已公开：显示在本集体的三亮主页上']);
    await collective.screenshot({ path: 'dist/screens/creation-log-public-toggle.png', fullPage: true });

    const post = client(session.running.host.url);
    const signedIn = await must(post, 'account', 'signIn', { code: accounts.collective.code, password: 'Youth2025pass' });
    const auth = { authorization: `Bearer ${signedIn.token}` };
    const own = await must(post, 'evaluation', 'ownPublicPage', {}, auth);
    // A second public entry with the longest title and a long unbroken text: the page must wrap it, not widen.
    const longTitle = `公交一路${'青年志愿服务'.repeat(9)}`.slice(0, 60);
    const saved = await must(post, 'creationlog', 'saveDraft', { content: { title: longTitle, workDate: chinaToday(), text: 'ABCDEFGHIJ'.repeat(300), category: 'volunteer' } }, auth);
    const sent = await must(post, 'creationlog', 'submit', { entryId: saved.entry.id, version: saved.entry.version }, auth);
    await must(post, 'creationlog', 'setPublic', { entryId: sent.entry.id, public: true, version: sent.entry.version }, auth);

    const visitor = await session.newUser(PHONE);
    await open(visitor, session.running.host.url, `/events/collective?code=${own.code as string}`);
    const page = screen(visitor, 'collective-page');
    await expectTexts(page.locator('.public-entry__title'), [longTitle, title]);
    expect(await page.locator('.public-entry__image').count()).toBe(2);
    expect(await page.locator('.public-entry__video').count()).toBe(1);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The long text opens folded, one tap from the whole of it.
    await expectTexts(page.locator('.public-entry__toggle'), ['展开全文']);
    await page.locator('.public-entries').screenshot({ path: 'dist/screens/collective-public-entries.png' });
    // The page lists thumbnails; a tap opens the image itself.
    const shown = await page.locator('.public-entry__image img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
    for (const src of shown) expect(src).toMatch(/-320\.jpg$/);
  });

  test('the timeline lists each entry with its thumbnails, and a long one wraps inside its card', async () => {
    await open(collective, session.running.host.url, '/collective/creationlog/index');
    const log = screen(collective, 'creation-log');
    const card = log.locator('.cl-timeline .entry-card', { hasText: title });
    await card.locator('.entry-thumbnail img').nth(1).waitFor();
    expect(await card.locator('.entry-thumbnail img').count()).toBe(2);
    expect(await log.locator('.cl-timeline .entry-card').count()).toBe(2);
    expect(await collective.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await collective.screenshot({ path: 'dist/screens/creation-log-timeline-thumbnails.png', fullPage: true });
  });

  test('what the collective types is kept on the device: closed before it reached the server, it comes back and is saved', async () => {
    await open(collective, session.running.host.url, '/collective/creationlog/edit');
    const form = screen(collective, 'cl-edit');
    await field(form, 'title').fill('青年理论学习');
    // Reopened at once, before the pause after typing that saves to the server.
    await collective.reload();
    const again = screen(collective, 'cl-edit');
    await again.locator('.draft-saved', { hasText: '草稿已保存' }).waitFor();
    expect(await field(again, 'title').inputValue()).toBe('青年理论学习');
    await open(collective, session.running.host.url, '/collective/creationlog/index');
    await expectTexts(screen(collective, 'creation-log').locator('.cl-drafts .entry-title'), ['青年理论学习']);
  });

  test('the office adds a category to the campaign and hides another; the entry form offers the campaign’s list', async () => {
    const host = session.running.host;
    const post = client(host.url);
    const campaignId = ((await must(post, 'campaign', 'listCampaigns', {}, await officeHeaders(host))).items as Array<{ id: string }>)[0].id;
    const office = await session.newUser(PHONE);
    await open(office, host.url, '/pages/auth/sign-in');
    await submitSignIn(office, session.running.office.code, 'Passw0rd!');
    await signedInHome(office).waitFor();
    await open(office, host.url, `/admin/creationlog/categories?campaignId=${campaignId}`);
    const page = screen(office, 'cl-categories');
    // 志愿服务 has entries: it can be hidden, not removed or renamed.
    await expectTexts(page.locator('.category-row-2 .cl-category__in-use'), ['已有动态使用']);
    expect(await page.locator('.btn-remove-category-2').count()).toBe(0);
    await page.locator('.btn-remove-category-5').click();
    await page.locator('.btn-hide-category-5').click();
    await page.locator('.btn-add-category').click();
    await field(page, 'category-6').fill('青年突击队');
    await page.locator('.btn-save-categories').click();
    await expectTexts(page.locator('.section__title').first(), ['本创建工作的类别']);

    await open(collective, host.url, '/collective/creationlog/edit');
    const form = screen(collective, 'cl-edit');
    await expectTexts(form.locator('.choice-category .choice-option'), ['岗位建功', '创新创效', '志愿服务', '开放周', '学习培训', '青年突击队']);
    expect(await office.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await office.screenshot({ path: 'dist/screens/creation-log-categories.png', fullPage: true });
  });
});

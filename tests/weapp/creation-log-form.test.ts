import { fakeCloud } from './support/cloud';
import { accountView, entryView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

/** The collective's saved draft, complete, with two images. */
const draft = entryView({ id: 'e9', status: 'draft', excerpt: '', submittedAt: null, version: 3 });
const VIDEO_PATH = `creationlog/acc-1/${'b'.repeat(32)}.mp4`;
const VIDEO_ID = `cloud://fake-env.bucket/${VIDEO_PATH}`;
const IMAGE_PATH = `creationlog/acc-1/${'c'.repeat(32)}.jpg`;
const THUMBNAIL_PATH = `creationlog/acc-1/${'c'.repeat(32)}-320.jpg`;
const versionOf = (data: unknown) => (data as { version?: number }).version ?? 0;

const answer = fakeCloud({
  'account.me': { account: accountView() },
  'creationlog.getMine': { entry: draft },
  // The campaign's own list: 志愿服务 (the draft's) now hidden from new entries, 青年突击队 added.
  'creationlog.categories': {
    campaignId: 'c1',
    version: 2,
    categories: [
      { code: 'post', label: '岗位建功', hidden: false, inUse: true },
      { code: 'volunteer', label: '志愿服务', hidden: true, inUse: true },
      { code: 'c0a1b2c3d', label: '青年突击队', hidden: false, inUse: false },
    ],
  },
  'creationlog.saveDraft': (call) => ({ ok: true, data: { entry: { ...draft, version: versionOf(call.data.data) + 1 } } }),
  'creationlog.videoUploadPath': { cloudPath: VIDEO_PATH },
  'creationlog.imageUploadPath': { cloudPath: IMAGE_PATH, thumbnailPath: THUMBNAIL_PATH },
  'creationlog.checkImage': (call) => {
    const { url, thumbnailUrl } = call.data.data as { url: string; thumbnailUrl: string };
    return { ok: true, data: { image: { url, thumbnailUrl, bytes: 420_000 } } };
  },
  // The server reads the length and size from the file itself (here: what it would answer).
  'creationlog.checkVideo': (call) => ({ ok: true, data: { video: { url: (call.data.data as { url: string }).url, seconds: 12.4, bytes: 3_300_000 } } }),
  'creationlog.submit': (call) => ({ ok: true, data: { entry: { ...draft, status: 'submitted', submittedAt: '2018-11-20T02:05:00.000Z', version: versionOf(call.data.data) + 1 } } }),
});

const asked: Array<{ title: string; confirmText: string }> = [];
let answerConfirm = false;
const callsOf = (page: OpenedPage, action: string) => page.cloud.calls.filter((c) => c.name === 'creationlog' && c.data.action === action);

/** The entry form of the real weapp build in miniprogram-simulate, on a saved draft. */
describe('the mini-program creation-log entry form', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = (options: typeof asked[number] & { success?: (res: unknown) => void }) => {
      asked.push({ title: options.title, confirmText: options.confirmText });
      options.success?.({ confirm: answerConfirm, cancel: !answerConfirm, errMsg: 'showModal:ok' });
    };
    page = await openPage('collective/creationlog/edit', { query: { id: 'e9' }, answer });
  });

  test('shows the draft: its text, the date on WeChat’s picker, its images and a character count', async () => {
    await page.waitFor('.entry-image');
    expect(page.valueOf('.field-title')).toBe('公交一路青年志愿服务日');
    expect(page.texts('.field-workDate .date-pick--day')).toEqual(['2018-11-18']);
    expect(page.findAll('.entry-image')).toHaveLength(2);
    expect(page.texts('.form-field--images .form-field__label')[0]).toContain('图片（2/9）');
    expect(page.texts('.draft-saved')[0]).toMatch(/^草稿已保存 /);
  });

  test('offers the campaign’s categories, and keeps the draft’s own though it has since been hidden', async () => {
    await page.waitUntil(() => page.texts('.choice-category .choice-option').length === 3, 'the campaign’s categories');
    expect(page.texts('.choice-category .choice-option')).toEqual(['岗位建功', '青年突击队', '志愿服务']);
  });

  test('添加视频 puts the video straight into cloud storage where the function said, has it checked, and shows its length and size', async () => {
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.chooseVideo = (options: { success?: (res: unknown) => void }) => {
      options.success?.({ tempFilePath: 'wxfile://tmp/clip.mp4', duration: 12.4, size: 3_300_000, height: 720, width: 1280, errMsg: 'chooseVideo:ok' });
    };
    expect(page.texts('.video-hint')).toEqual(['MP4 格式，60秒、50MB以内']);
    await page.tap('.btn-add-video');
    await page.waitFor('.video-facts');
    expect(page.cloud.uploads).toEqual([{ cloudPath: VIDEO_PATH, filePath: 'wxfile://tmp/clip.mp4' }]);
    expect(callsOf(page, 'checkVideo')[0].data.data).toEqual({ url: VIDEO_ID });
    expect(page.texts('.video-facts')[0]).toBe('视频 12秒 · 3.1MB · 提交后经管理员审核才公开');
    expect(page.findAll('.btn-add-video')).toHaveLength(0);
  });

  test('添加图片 compresses the photo and a thumbnail on the phone, puts both where the function said, then has them checked', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const compressed: Array<{ src: string; compressedWidth?: number }> = [];
    wx.chooseImage = (options: { success?: (res: unknown) => void }) => options.success?.({ tempFilePaths: ['wxfile://tmp/photo.jpg'], errMsg: 'chooseImage:ok' });
    wx.getImageInfo = (options: { success?: (res: unknown) => void }) => options.success?.({ width: 4000, height: 3000, errMsg: 'getImageInfo:ok' });
    wx.compressImage = (options: { src: string; compressedWidth?: number; success?: (res: unknown) => void }) => {
      compressed.push({ src: options.src, compressedWidth: options.compressedWidth });
      options.success?.({ tempFilePath: `wxfile://tmp/photo-${options.compressedWidth}.jpg`, errMsg: 'compressImage:ok' });
    };
    const uploadsBefore = page.cloud.uploads.length;
    await page.tap('.btn-add-images');
    await page.waitUntil(() => callsOf(page, 'checkImage').length === 1, 'the image check');
    expect(compressed).toEqual([
      { src: 'wxfile://tmp/photo.jpg', compressedWidth: 1600 },
      { src: 'wxfile://tmp/photo-1600.jpg', compressedWidth: 320 },
    ]);
    expect(callsOf(page, 'imageUploadPath')[0].data.data).toEqual({ contentType: 'image/jpeg', thumbnailType: 'image/jpeg' });
    expect(page.cloud.uploads.slice(uploadsBefore)).toEqual([
      { cloudPath: IMAGE_PATH, filePath: 'wxfile://tmp/photo-1600.jpg' },
      { cloudPath: THUMBNAIL_PATH, filePath: 'wxfile://tmp/photo-320.jpg' },
    ]);
    expect(callsOf(page, 'checkImage')[0].data.data).toEqual({ url: `cloud://fake-env.bucket/${IMAGE_PATH}`, thumbnailUrl: `cloud://fake-env.bucket/${THUMBNAIL_PATH}` });
    await page.waitUntil(() => page.findAll('.entry-image').length === 3, 'the third image');
    expect(page.texts('.form-field--images .form-field__label')[0]).toContain('图片（3/9）');
  });

  test('提交创建日志 asks first; backing out sends nothing', async () => {
    await page.tap('.btn-submit-entry');
    await page.waitUntil(() => asked.length === 1, 'the confirm dialog');
    expect(asked[0]).toEqual({ title: '确认提交创建日志？', confirmText: '提交' });
    expect(callsOf(page, 'submit')).toHaveLength(0);
  });

  test('confirmed, the last typing is saved, then the entry is submitted on the version that save answered', async () => {
    answerConfirm = true;
    await page.type('.field-title', '公交一路青年志愿服务日（第二期）');
    await page.tap('.btn-submit-entry');
    await page.waitUntil(() => callsOf(page, 'submit').length === 1, 'the submit');
    const saves = callsOf(page, 'saveDraft');
    expect(saves[saves.length - 1].data.data).toMatchObject({ entryId: 'e9', version: 3, content: { title: '公交一路青年志愿服务日（第二期）', workDate: '2018-11-18', category: 'volunteer', video: VIDEO_ID } });
    expect((saves[saves.length - 1].data.data as { content: { images: string[] } }).content.images).toContain(`cloud://fake-env.bucket/${IMAGE_PATH}`);
    expect(callsOf(page, 'submit')[0].data.data).toEqual({ entryId: 'e9', version: 4 });
  });
});

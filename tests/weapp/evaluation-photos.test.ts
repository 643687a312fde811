import type { Envelope } from '../../shared/envelope';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { openPage, type OpenedPage } from './support/mini-program';

const REFUSED = '评价内容：含有不宜公开的信息，请修改后再提交';
const PHOTO_ID = 'cloud://fake-env.bucket/evaluation/photos/0190a1b2c3d40000a1b2c3d4e5f60718.jpg';
/** What the device's file system hands over for the compressed photo: a JPEG's first bytes, as base64. */
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(60).fill(7)]).toString('base64');

const form: FixtureOf<'evaluation.evaluationForm'> = {
  collective: { code: 'k7m2p9qrst', name: '岳阳市公交一路青年班组' },
  channel: 'general',
  eventTitle: null,
  tags: ['服务态度'],
  existing: null,
};

/** The first evaluate is refused for its comment; the second is accepted with the photo held for its verdict. */
const answer = fakeCloud({
  'evaluation.evaluationForm': form,
  'evaluation.uploadPhoto': { url: PHOTO_ID },
  'evaluation.evaluate': (call): Envelope<FixtureOf<'evaluation.evaluate'>> => {
    const input = call.data.data as { comment?: string; rating: number; tags: string[]; photos: string[] };
    if (input.comment?.includes('刻章')) return { ok: false, error: { code: 'CONTENT_REJECTED', message: REFUSED, fields: { comment: REFUSED } } };
    return {
      ok: true,
      data: {
        replaced: false,
        evaluation: {
          id: 'ev-1', rating: input.rating, ratingLabel: '满意', tags: input.tags, comment: input.comment ?? null, photos: [], channel: 'general', source: 'wechat', changed: false, excluded: null,
          at: '2018-11-23T03:00:00.000Z', collective: form.collective, commentState: 'shown', myPhotos: input.photos.map((url) => ({ url, state: 'review' as const })), held: false, eventTitle: null, month: '2018-11', reply: null,
        },
      },
    };
  },
});

const callsOf = (page: OpenedPage, action: string) => page.cloud.calls.filter((c) => c.name === 'evaluation' && c.data.action === action);

/** 综合点评 with a photo, in the real weapp build: the shared picker, the upload, and a refused submit that keeps both. */
describe('the mini-program evaluation form with a photo', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    // The platform's album, image info, compression and file system: what a phone hands the page.
    wx.chooseImage = (options: { success?: (res: unknown) => void }) => options.success?.({ tempFilePaths: ['wxfile://tmp/window.jpg'], tempFiles: [{ path: 'wxfile://tmp/window.jpg', size: 2_400_000 }], errMsg: 'chooseImage:ok' });
    wx.getImageInfo = (options: { success?: (res: unknown) => void }) => options.success?.({ width: 4000, height: 3000, path: 'wxfile://tmp/window.jpg', errMsg: 'getImageInfo:ok' });
    wx.compressImage = (options: { success?: (res: unknown) => void }) => options.success?.({ tempFilePath: 'wxfile://tmp/window-small.jpg', errMsg: 'compressImage:ok' });
    wx.getFileSystemManager = () => ({ readFileSync: () => JPEG_BASE64 });
    page = await openPage('events/evaluate', { query: { code: 'k7m2p9qrst' }, answer });
  });

  test('添加照片 compresses the picked photo on the device, uploads it, and shows it in the form', async () => {
    await page.waitFor('.btn-add-photos');
    expect(page.texts('.photo-field .form-field__label')).toEqual(['照片（0/3）']);
    await page.tap('.btn-add-photos');
    await page.waitFor('.photo-field__item');
    expect(callsOf(page, 'uploadPhoto').map((c) => c.data.data)).toEqual([{ contentType: 'image/jpeg', base64: JPEG_BASE64 }]);
    expect(page.texts('.photo-field .form-field__label')).toEqual(['照片（1/3）']);
  });

  test('a refused submit keeps the photo and the text; changed, the evaluation goes with the photo and says it waits for its check', async () => {
    await page.tap('.rating-choice--4');
    await page.waitFor('.rating-choice--on');
    await page.type('.field-comment', '窗口像办证刻章一样快');
    await page.tap('.btn-submit-evaluation');
    await page.waitFor('.field-error--comment');
    expect(page.valueOf('.field-comment')).toBe('窗口像办证刻章一样快');
    expect(page.findAll('.photo-field__item')).toHaveLength(1);
    expect(callsOf(page, 'evaluate')[0].data.data).toEqual({ code: 'k7m2p9qrst', rating: 4, tags: [], photos: [PHOTO_ID], comment: '窗口像办证刻章一样快' });

    await page.type('.field-comment', '窗口服务热情，办理很快');
    await page.tap('.btn-submit-evaluation');
    await page.waitFor('.result-title');
    expect(callsOf(page, 'evaluate')[1].data.data).toMatchObject({ photos: [PHOTO_ID], comment: '窗口服务热情，办理很快' });
    expect(page.texts('.photos-review-note')).toEqual(['照片审核通过后随评价公开显示']);
  });
});

import type { CloudBase } from '@cloudbase/node-sdk';
import { CloudbaseFiles } from '../../cloudfunctions/adapters/files/cloudbase-files';
import { seedHierarchy, TestApp } from '../support/harness';
import { campaignIdOf, completeContent, draft, PNG, putImage, uploadImage } from '../support/creationlog';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

let app: TestApp;
let h: Hierarchy;

beforeEach(async () => {
  app = new TestApp();
  h = await seedHierarchy(app);
});
afterEach(() => app.close());

/** A JPEG as far as its leading bytes go (the check reads the signature, as for every upload). */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(60)]);
const stored = (url: string) => app.deps.files!.read(url);

describe('images go from the device to the path the function issued', () => {
  test('each image gets fresh paths in the collective’s own folder, and is checked there with its thumbnail', async () => {
    const first = await app.ok('creationlog', 'imageUploadPath', { contentType: 'image/jpeg', thumbnailType: 'image/jpeg' }, h.collective.caller);
    const second = await app.ok('creationlog', 'imageUploadPath', { contentType: 'image/png', thumbnailType: 'image/jpeg' }, h.collective.caller);
    expect(first.cloudPath).toMatch(new RegExp(`^creationlog/${h.collective.accountId}/[0-9a-f]{32}\\.jpg$`));
    expect(first.thumbnailPath).toBe(first.cloudPath.replace('.jpg', '-320.jpg'));
    expect(second.cloudPath).toMatch(/\.png$/);
    expect(second.cloudPath).not.toBe(first.cloudPath.replace('.jpg', '.png'));

    const url = await app.deps.files!.save(first.cloudPath, JPEG, 'image/jpeg');
    const thumbnailUrl = await app.deps.files!.save(first.thumbnailPath, JPEG.subarray(0, 20), 'image/jpeg');
    const { image } = await app.ok('creationlog', 'checkImage', { url, thumbnailUrl }, h.collective.caller);
    expect(image).toEqual({ url, thumbnailUrl, bytes: JPEG.length + 20 });
    // Checked once: asking again answers the same without counting it again.
    expect((await app.ok('creationlog', 'checkImage', { url, thumbnailUrl }, h.collective.caller)).image).toEqual(image);
  });

  test('an image or thumbnail that is not what its name says, or too large, is refused at its field and nothing changes', async () => {
    const cases: Array<[{ contentType: 'image/jpeg' | 'image/png'; image?: Buffer; thumbnail?: Buffer }, string, string]> = [
      [{ contentType: 'image/jpeg', image: PNG }, 'url', '图片：请上传 JPEG 或 PNG 图片'],
      [{ contentType: 'image/png', image: GIF }, 'url', '图片：请上传 JPEG 或 PNG 图片'],
      [{ contentType: 'image/png', thumbnail: GIF }, 'thumbnailUrl', '缩略图：请上传 JPEG 或 PNG 图片'],
      [{ contentType: 'image/png', image: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) }, 'url', '图片：不能超过2MB'],
      [{ contentType: 'image/png', thumbnail: Buffer.concat([PNG, Buffer.alloc(200 * 1024)]) }, 'thumbnailUrl', '缩略图：不能超过200KB'],
    ];
    for (const [{ contentType, image, thumbnail }, field, message] of cases) {
      const paths = await app.ok('creationlog', 'imageUploadPath', { contentType, thumbnailType: 'image/png' }, h.collective.caller);
      const url = await app.deps.files!.save(paths.cloudPath, image ?? PNG, contentType);
      const thumbnailUrl = await app.deps.files!.save(paths.thumbnailPath, thumbnail ?? PNG, 'image/png');
      const before = await app.snapshot();
      expect(await app.call('creationlog', 'checkImage', { url, thumbnailUrl }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'PHOTO_INVALID', message, fields: { [field]: message } },
      });
      expect(await app.snapshot()).toEqual(before);
      expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ images: [url] }) }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'IMAGE_NOT_UPLOADED', fields: { 'content.images': '图片：请通过“添加图片”上传' } },
      });
    }
  });

  test("another collective's image, a path never written, or any other address is refused by the check and on an entry", async () => {
    const theirs = await putImage(app, h.countyCollective.caller);
    const theirsChecked = await uploadImage(app, h.countyCollective.caller);
    const mine = await putImage(app, h.collective.caller);
    const other = await putImage(app, h.collective.caller);
    const unwritten = await app.ok('creationlog', 'imageUploadPath', { contentType: 'image/png', thumbnailType: 'image/png' }, h.collective.caller);
    const refusals: Array<[{ url: string; thumbnailUrl: string }, string]> = [
      [theirs, 'url'],
      [{ url: `/files/${unwritten.cloudPath}`, thumbnailUrl: `/files/${unwritten.thumbnailPath}` }, 'url'],
      [{ url: 'https://example.com/a.png', thumbnailUrl: mine.thumbnailUrl }, 'url'],
      [{ url: '/files/creationlog/../openweek/x.png', thumbnailUrl: mine.thumbnailUrl }, 'url'],
      // A thumbnail must be the one issued with its image.
      [{ url: mine.url, thumbnailUrl: other.thumbnailUrl }, 'thumbnailUrl'],
    ];
    const before = await app.snapshot();
    for (const [input, field] of refusals) {
      expect(await app.call('creationlog', 'checkImage', input, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'IMAGE_NOT_UPLOADED', fields: { [field]: '图片：请通过“添加图片”上传' } },
      });
    }
    expect(await app.snapshot()).toEqual(before);
    for (const image of [theirsChecked, mine.url, 'https://example.com/a.png']) {
      expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ images: [image] }) }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'IMAGE_NOT_UPLOADED', fields: { 'content.images': '图片：请通过“添加图片”上传' } },
      });
    }
  });

  test('on CloudBase the image and thumbnail are the file ids the phone’s uploads answered; the server downloads them to check', async () => {
    const files = new Map<string, Buffer>();
    const fileId = (cloudPath: string) => `cloud://qnwmh-1a2b.7165-qnwmh-1a2b-1300000000/${cloudPath}`;
    const cloud = {
      uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
        files.set(fileId(cloudPath), fileContent);
        return { fileID: fileId(cloudPath) };
      },
      downloadFile: async ({ fileID }: { fileID: string }) => {
        const bytes = files.get(fileID);
        if (!bytes) throw Object.assign(new Error('file not exist'), { code: 'STORAGE_FILE_NONEXIST' });
        return { fileContent: bytes };
      },
    };
    app.deps.files = new CloudbaseFiles(cloud as unknown as CloudBase);
    const { url, thumbnailUrl } = await putImage(app, h.collective.caller);
    expect(url).toMatch(/^cloud:\/\/qnwmh-1a2b\.7165-qnwmh-1a2b-1300000000\/creationlog\/[0-9a-z]+\/[0-9a-f]{32}\.png$/);
    await app.ok('creationlog', 'checkImage', { url, thumbnailUrl }, h.collective.caller);
    expect((await draft(app, h.collective.caller, completeContent({ images: [url] }))).thumbnails).toEqual([thumbnailUrl]);
  });
});

describe('thumbnails for lists', () => {
  test('the timeline, the feed and the 三亮 page list thumbnails; the entry has the images', async () => {
    const thumbnail = Buffer.concat([PNG, Buffer.from('320')]);
    const a = await putImage(app, h.collective.caller, { thumbnail });
    const b = await putImage(app, h.collective.caller);
    for (const image of [a, b]) await app.ok('creationlog', 'checkImage', image, h.collective.caller);
    const written = await draft(app, h.collective.caller, completeContent({ images: [a.url, b.url] }));
    expect(written).toMatchObject({ images: [a.url, b.url], thumbnails: [a.thumbnailUrl, b.thumbnailUrl] });
    // Reordered and saved again, each image keeps its own thumbnail.
    const again = await app.ok('creationlog', 'saveDraft', { entryId: written.id, version: written.version, content: completeContent({ images: [b.url, a.url] }) }, h.collective.caller);
    expect(again.entry.thumbnails).toEqual([b.thumbnailUrl, a.thumbnailUrl]);
    const entry = (await app.ok('creationlog', 'submit', { entryId: written.id, version: again.entry.version }, h.collective.caller)).entry;

    expect((await app.ok('creationlog', 'listMine', { status: 'submitted' }, h.collective.caller)).items[0].thumbnails).toEqual([b.thumbnailUrl, a.thumbnailUrl]);
    const campaignId = await campaignIdOf(app, h.office.caller);
    expect((await app.ok('creationlog', 'feed', { campaignId }, h.admin2.caller)).items[0].thumbnails).toEqual([b.thumbnailUrl, a.thumbnailUrl]);
    await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: true, version: entry.version }, h.collective.caller);
    const page = await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId });
    expect(page.entries.items[0]).toMatchObject({ images: [b.url, a.url], thumbnails: [b.thumbnailUrl, a.thumbnailUrl] });
    expect(await stored(a.thumbnailUrl)).toEqual(thumbnail);
  });

  test('an entry written before thumbnails came lists its images instead', async () => {
    const image = await uploadImage(app, h.collective.caller);
    const written = await draft(app, h.collective.caller, completeContent({ images: [image] }));
    await app.store.update('creationEntries', written.id, { set: { thumbnails: null } });
    expect((await app.ok('creationlog', 'listMine', { status: 'draft' }, h.collective.caller)).items[0].thumbnails).toEqual([image]);
  });
});

describe('upload paths a collective may ask for', () => {
  test('past the window’s paths the next ask is refused and records nothing; after the window it is given again', async () => {
    const limited = new TestApp({ limits: { uploadPathsPerCollective: { limit: 2, windowSeconds: 3_600 } } });
    try {
      const w = await seedHierarchy(limited);
      await limited.ok('creationlog', 'imageUploadPath', { contentType: 'image/jpeg', thumbnailType: 'image/jpeg' }, w.collective.caller);
      await limited.ok('creationlog', 'videoUploadPath', {}, w.collective.caller);
      const before = (await limited.snapshot()).creationUploads;
      const refused = await limited.call('creationlog', 'imageUploadPath', { contentType: 'image/jpeg', thumbnailType: 'image/jpeg' }, w.collective.caller);
      expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: 3_600 } });
      expect((await limited.snapshot()).creationUploads).toEqual(before);
      // Another collective's allowance is its own.
      await limited.ok('creationlog', 'videoUploadPath', {}, w.countyCollective.caller);
      limited.advance(60);
      const again = await limited.call('creationlog', 'imageUploadPath', { contentType: 'image/jpeg', thumbnailType: 'image/jpeg' }, w.collective.caller);
      expect(again.ok).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

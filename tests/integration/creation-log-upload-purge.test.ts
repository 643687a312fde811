import type { CloudBase } from '@cloudbase/node-sdk';
import { CloudbaseFiles } from '../../cloudfunctions/adapters/files/cloudbase-files';
import { purgeAbandonedUploads } from '../../cloudfunctions/app/jobs/purge-abandoned-uploads';
import type { CreationUploadDoc } from '../../cloudfunctions/app/collections/creationlog';
import { seedHierarchy, TestApp } from '../support/harness';
import { checkedVideo, completeContent, draft, putImage, putVideo, signInAgain, uploadImage } from '../support/creationlog';
import { mp4File } from '../support/mp4';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

let app: TestApp;
let h: Hierarchy;

beforeEach(async () => {
  app = new TestApp();
  h = await seedHierarchy(app);
});
afterEach(() => app.close());

const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(60)]);
const stored = (url: string) => app.deps.files!.read(url);
/** The record of the upload behind an address: its file name's first 32 characters. */
const upload = async (url: string) => {
  const name = app.deps.files!.keyOf(url)!.split('/').pop()!;
  return app.store.get<CreationUploadDoc>('creationUploads', name.slice(0, 32));
};

describe('abandoned uploads are deleted a day after their path was issued', () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const purgeAt = async (ms: number) => {
    const now = app.clock;
    app.clock = new Date(now.getTime() + ms);
    await purgeAbandonedUploads.run(app.deps);
    app.clock = now;
  };

  test('files no saved entry names go at 24:00:00, not at 23:59:59; attached ones stay', async () => {
    const issuedAt = app.clock.getTime();
    const attached = await putImage(app, h.collective.caller);
    const removedFromDraft = await putImage(app, h.collective.caller);
    const neverSaved = await putImage(app, h.collective.caller);
    const refused = await putImage(app, h.collective.caller, { image: GIF });
    const keptVideo = await checkedVideo(app, h.collective.caller, mp4File());
    const strayVideo = await putVideo(app, h.collective.caller, mp4File());
    for (const image of [attached, removedFromDraft, neverSaved]) await app.ok('creationlog', 'checkImage', image, h.collective.caller);
    expect(await app.call('creationlog', 'checkImage', refused, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'PHOTO_INVALID' } });
    const written = await draft(app, h.collective.caller, completeContent({ images: [attached.url, removedFromDraft.url], video: keptVideo }));
    await app.ok('creationlog', 'saveDraft', { entryId: written.id, version: written.version, content: completeContent({ images: [attached.url], video: keptVideo }) }, h.collective.caller);

    await purgeAt(DAY_MS - 1000);
    for (const url of [attached.url, removedFromDraft.url, neverSaved.url, refused.url, refused.thumbnailUrl, keptVideo, strayVideo]) expect(await stored(url)).not.toBeNull();

    await purgeAt(DAY_MS);
    for (const url of [removedFromDraft.url, removedFromDraft.thumbnailUrl, neverSaved.url, neverSaved.thumbnailUrl, refused.url, refused.thumbnailUrl, strayVideo]) {
      expect(await stored(url)).toBeNull();
    }
    for (const url of [attached.url, attached.thumbnailUrl, keptVideo]) expect(await stored(url)).not.toBeNull();
    expect(await upload(neverSaved.url)).toBeNull();
    expect(await upload(attached.url)).toMatchObject({ attached: true, entryIds: [written.id] });
    expect(app.clock.getTime()).toBe(issuedAt);

    // Running again deletes nothing more, and what was deleted cannot be named on an entry any more.
    const before = await app.snapshot();
    await purgeAt(DAY_MS);
    expect(await app.snapshot()).toEqual(before);
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ images: [neverSaved.url] }) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'IMAGE_NOT_UPLOADED' },
    });
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ video: strayVideo }) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'VIDEO_NOT_UPLOADED' },
    });
  });

  test('a discarded draft’s images go, unless another entry names them; a submitted entry keeps its own', async () => {
    const shared = await uploadImage(app, h.collective.caller);
    const only = await uploadImage(app, h.collective.caller);
    const keep = await draft(app, h.collective.caller, completeContent({ images: [shared] }));
    const submittedEntry = await draft(app, h.collective.caller, completeContent({ images: [only] }));
    await app.ok('creationlog', 'submit', { entryId: submittedEntry.id, version: submittedEntry.version }, h.collective.caller);
    const discarded = await draft(app, h.collective.caller, completeContent({ images: [shared] }));
    const dropped = await uploadImage(app, h.collective.caller);
    const withDropped = await app.ok('creationlog', 'saveDraft', { entryId: discarded.id, version: discarded.version, content: completeContent({ images: [shared, dropped] }) }, h.collective.caller);
    await app.ok('creationlog', 'discardDraft', { entryId: withDropped.entry.id }, h.collective.caller);

    await purgeAt(DAY_MS * 3);
    expect(await stored(dropped)).toBeNull();
    expect(await stored(shared)).not.toBeNull();
    expect(await stored(only)).not.toBeNull();
    await signInAgain(app, [h.collective]);
    expect((await app.ok('creationlog', 'getMine', { entryId: keep.id }, h.collective.caller)).entry.images).toEqual([shared]);
  });

  test('on CloudBase the job deletes by the file id storage names for the path', async () => {
    const deleted: string[] = [];
    const fileId = (cloudPath: string) => `cloud://qnwmh-1a2b.7165-qnwmh-1a2b-1300000000/${cloudPath}`;
    const cloud = {
      getUploadMetadata: async ({ cloudPath }: { cloudPath: string }) => ({ data: { fileId: fileId(cloudPath) } }),
      deleteFile: async ({ fileList }: { fileList: string[] }) => {
        deleted.push(...fileList);
        // A file the device never wrote is not there to delete: storage says so, and that is done too.
        return { fileList: fileList.map((fileID) => ({ fileID, code: fileID.endsWith('-320.png') ? 'STORAGE_FILE_NONEXIST' : 'SUCCESS' })) };
      },
    };
    const paths = await app.ok('creationlog', 'imageUploadPath', { contentType: 'image/png', thumbnailType: 'image/png' }, h.collective.caller);
    app.deps.files = new CloudbaseFiles(cloud as unknown as CloudBase);
    await purgeAt(DAY_MS);
    expect(deleted).toEqual([fileId(paths.cloudPath), fileId(paths.thumbnailPath)]);
    expect(await app.store.count('creationUploads')).toBe(0);
  });
});

import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Caller } from '../../cloudfunctions/app/context';
import type { CloudBase } from '@cloudbase/node-sdk';
import { CloudbaseFiles } from '../../cloudfunctions/adapters/files/cloudbase-files';
import { LocalDiskFiles } from '../../cloudfunctions/adapters/files/local-disk-files';
import { hostHandler } from '../../cloudfunctions/local-host/server';
import { seedHierarchy, TestApp } from '../support/harness';
import { eventFields, firstCampaignId } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/** A real (1×1) PNG and a JPEG's leading bytes: what a phone's album would hand over. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);
const NOT_AN_IMAGE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** Every file under a directory (relative paths): to prove a refused upload stored nothing. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

describe('开放周 event covers and map points', () => {
  let app: TestApp;
  let h: Hierarchy;
  let campaignId: string;
  const filesDir = () => join(app.dir, 'files');

  const eventInput = (overrides: Record<string, unknown> = {}) => eventFields(app.clock.getTime(), campaignId, { capacity: 10, ...overrides });
  const upload = (bytes: Buffer, contentType: 'image/png' | 'image/jpeg', caller: Caller) =>
    app.call('openweek', 'uploadCover', { contentType, base64: bytes.toString('base64') }, caller);

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    campaignId = await firstCampaignId(app);
  });
  afterEach(() => app.close());

  test('a collective uploads a cover and gets a URL under its own folder that the local host serves byte for byte', async () => {
    const uploaded = await app.ok('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, h.collective.caller);
    expect(uploaded.url).toMatch(new RegExp(`^/files/openweek/covers/${h.collective.accountId}/[0-9a-f]{32}\\.png$`));
    const jpeg = await app.ok('openweek', 'uploadCover', { contentType: 'image/jpeg', base64: JPEG.toString('base64') }, h.collective.caller);
    expect(jpeg.url).toMatch(/\.jpg$/);
    expect(filesUnder(filesDir())).toEqual([uploaded.url, jpeg.url].map((url) => url.slice('/files/'.length)).sort());

    const server: Server = createServer(hostHandler(app.deps, { h5Dir: join(app.dir, 'no-h5'), mailboxPage: false, files: app.deps.files as LocalDiskFiles }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${uploaded.url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('bytes that are not the JPEG or PNG they claim are refused at the image field, and nothing is stored', async () => {
    const before = await app.snapshot();
    for (const [bytes, type] of [[NOT_AN_IMAGE, 'image/png'], [PNG, 'image/jpeg'], [JPEG, 'image/png'], [PNG.subarray(0, 10), 'image/png']] as const) {
      expect(await upload(bytes, type, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'PHOTO_INVALID', fields: { base64: '封面图片：请上传 JPEG 或 PNG 图片' } },
      });
    }
    expect(await app.call('openweek', 'uploadCover', { contentType: 'image/svg+xml', base64: NOT_AN_IMAGE.toString('base64') }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { contentType: expect.stringContaining('封面图片格式') } },
    });
    expect(await app.call('openweek', 'uploadCover', { contentType: 'image/png', base64: 'A'.repeat(900_001) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { base64: '封面图片：不能超过约650KB，请压缩后再上传' } },
    });
    expect(filesUnder(filesDir())).toEqual([]);
    expect(await app.snapshot()).toEqual(before);
  });

  test('only a collective may upload a cover: visitors, every admin and the office are refused, and nothing is stored', async () => {
    const refused: Array<[string, Caller, string]> = [
      ['nobody', {}, 'UNAUTHENTICATED'],
      ['a WeChat visitor', { openid: 'o-visitor' }, 'UNAUTHENTICATED'],
      ['an H5 visitor', { visitorToken: (await app.ok('openweek', 'startVisit', {})).visitorToken! }, 'UNAUTHENTICATED'],
      ['the office', h.office.caller, 'FORBIDDEN'],
      ['a level-1 admin', h.admin1.caller, 'FORBIDDEN'],
      ['a level-2 admin', h.admin2.caller, 'FORBIDDEN'],
      ['a level-3 admin', h.admin3.caller, 'FORBIDDEN'],
      ['another branch’s level-1 admin', h.countyAdmin1.caller, 'FORBIDDEN'],
    ];
    const before = await app.snapshot();
    for (const [who, caller, code] of refused) {
      const result = await upload(PNG, 'image/png', caller);
      expect([who, result.ok ? 'ok' : result.error.code]).toEqual([who, code]);
    }
    expect(filesUnder(filesDir())).toEqual([]);
    expect(await app.snapshot()).toEqual(before);
  });

  test('an event takes as cover only an image its collective uploaded; the cover shows on the public event page', async () => {
    const own = (await app.ok('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, h.collective.caller)).url;
    const others = (await app.ok('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, h.countyCollective.caller)).url;

    const before = await app.snapshot();
    for (const coverUrl of ['https://example.com/cover.png', others, `${own.slice(0, -4)}/../x.png`, '/files/openweek/covers/../../secret.png', 'cloud://env.bucket/openweek/covers/x.png']) {
      expect([coverUrl, await app.call('openweek', 'createEvent', eventInput({ coverUrl }), h.collective.caller)]).toEqual([
        coverUrl,
        { ok: false, error: { code: 'COVER_NOT_UPLOADED', message: expect.any(String), fields: { coverUrl: '封面图片：请通过“选择图片”上传封面' } } },
      ]);
    }
    expect(await app.snapshot()).toEqual(before);

    const draft = (await app.ok('openweek', 'createEvent', eventInput({ coverUrl: own }), h.collective.caller)).event;
    await app.ok('openweek', 'publishEvent', { eventId: draft.id }, h.collective.caller);
    expect((await app.ok('openweek', 'getEvent', { eventId: draft.id }, { openid: 'o-1' })).event.coverUrl).toBe(own);
    expect((await app.ok('openweek', 'listEvents', {})).items[0].coverUrl).toBe(own);

    // Editing keeps the cover it has, may replace it with a new upload of its own, or remove it; never another's.
    const edit = async (version: number, coverUrl?: string) =>
      app.call('openweek', 'updateEvent', { ...eventInput(coverUrl === undefined ? {} : { coverUrl }), eventId: draft.id, version }, h.collective.caller);
    const kept = await edit(2, own);
    expect(kept).toMatchObject({ ok: true, data: { event: { coverUrl: own, version: 3 } } });
    expect(await edit(3, others)).toMatchObject({ ok: false, error: { code: 'COVER_NOT_UPLOADED' } });
    const replacement = (await app.ok('openweek', 'uploadCover', { contentType: 'image/jpeg', base64: JPEG.toString('base64') }, h.collective.caller)).url;
    expect(await edit(3, replacement)).toMatchObject({ ok: true, data: { event: { coverUrl: replacement } } });
    expect(await edit(4)).toMatchObject({ ok: true, data: { event: { coverUrl: null } } });
  });

  test('on CloudBase the cover is the cloud file id the upload answered, and only the collective’s own is accepted', async () => {
    const uploads: string[] = [];
    // The SDK's uploadFile answers a `cloud://<env>.<bucket>/<cloudPath>` file id (the mini-program's <image> shows it).
    const cloud = {
      uploadFile: async ({ cloudPath }: { cloudPath: string }) => {
        uploads.push(cloudPath);
        return { fileID: `cloud://qnwmh-1a2b.7165-qnwmh-1a2b-1300000000/${cloudPath}` };
      },
    };
    app.deps.files = new CloudbaseFiles(cloud as unknown as CloudBase);

    const own = (await app.ok('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, h.collective.caller)).url;
    expect(own).toMatch(new RegExp(`^cloud://qnwmh-1a2b\\.7165-qnwmh-1a2b-1300000000/openweek/covers/${h.collective.accountId}/[0-9a-f]{32}\\.png$`));
    expect(uploads).toEqual([own.split('/').slice(3).join('/')]);
    const others = (await app.ok('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, h.countyCollective.caller)).url;

    expect(await app.call('openweek', 'createEvent', eventInput({ coverUrl: others }), h.collective.caller)).toMatchObject({ ok: false, error: { code: 'COVER_NOT_UPLOADED' } });
    expect(await app.call('openweek', 'createEvent', eventInput({ coverUrl: `/files/openweek/covers/${h.collective.accountId}/${'0'.repeat(32)}.png` }), h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'COVER_NOT_UPLOADED' },
    });
    expect((await app.ok('openweek', 'createEvent', eventInput({ coverUrl: own }), h.collective.caller)).event.coverUrl).toBe(own);
  });

  test('a map point is kept with both coordinates and shown to the public; one without the other is refused naming the missing field', async () => {
    const before = await app.snapshot();
    expect(await app.call('openweek', 'createEvent', eventInput({ lat: 29.3574 }), h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { lng: '经度：请与纬度一起填写，或都不填' } },
    });
    expect(await app.call('openweek', 'createEvent', eventInput({ lng: 113.1289 }), h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { lat: '纬度：请与经度一起填写，或都不填' } },
    });
    expect(await app.call('openweek', 'createEvent', eventInput({ lat: 91, lng: 113.1289 }), h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { lat: '纬度：须在-90到90之间' } },
    });
    expect(await app.snapshot()).toEqual(before);

    const draft = (await app.ok('openweek', 'createEvent', eventInput({ lat: 29.3574, lng: 113.1289 }), h.collective.caller)).event;
    expect(draft.place).toEqual({ address: '岳阳市岳阳楼区公交调度中心', lat: 29.3574, lng: 113.1289 });
    await app.ok('openweek', 'publishEvent', { eventId: draft.id }, h.collective.caller);
    expect((await app.ok('openweek', 'getEvent', { eventId: draft.id }, { openid: 'o-1' })).event.place).toMatchObject({ lat: 29.3574, lng: 113.1289 });

    expect(await app.call('openweek', 'updateEvent', { ...eventInput({ lat: 29.3574 }), eventId: draft.id, version: 2 }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { lng: '经度：请与纬度一起填写，或都不填' } },
    });
    const cleared = await app.ok('openweek', 'updateEvent', { ...eventInput(), eventId: draft.id, version: 2 }, h.collective.caller);
    expect(cleared.event.place).toMatchObject({ lat: null, lng: null });
  });
});

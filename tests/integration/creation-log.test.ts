import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { CreationActivityDoc } from '../../cloudfunctions/app/collections/creationlog';
import type { CollectiveDoc } from '../../cloudfunctions/app/collections/filing';
import { runDataUpgrades } from '../../cloudfunctions/app/jobs/data-upgrades';
import type { CloudBase } from '@cloudbase/node-sdk';
import { CloudbaseFiles } from '../../cloudfunctions/adapters/files/cloudbase-files';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { activate, seedHierarchy, TestApp } from '../support/harness';
import { campaignIdOf, checkedVideo, completeContent, draft, PNG, putImage, putVideo, signInAgain, submitted, uploadImage } from '../support/creationlog';
import { mp4File } from '../support/mp4';
import { eventFields } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

let app: TestApp;
let h: Hierarchy;
let campaignId: string;

beforeEach(async () => {
  app = new TestApp();
  h = await seedHierarchy(app);
  campaignId = await campaignIdOf(app, h.office.caller);
});
/** Moves the clock to `at` (or by `minutes`) and signs everyone in again. */
async function later(to: { at?: string; minutes?: number }): Promise<void> {
  if (to.at) app.clock = new Date(to.at);
  if (to.minutes) app.advance(to.minutes);
  await signInAgain(app, [h.collective, h.countyCollective, h.admin1, h.admin2, h.office, h.countyAdmin1]);
}
afterEach(() => app.close());

describe("the collective's workspace", () => {
  test('a draft saves as it is typed, incomplete; submitting names every missing field and submits nothing', async () => {
    const empty = await draft(app, h.collective.caller, { title: '志愿' });
    expect(empty).toMatchObject({ status: 'draft', title: '志愿', workDate: null, category: null, submittedAt: null });
    const typed = await app.ok('creationlog', 'saveDraft', { entryId: empty.id, version: empty.version, content: { title: '志愿服务日', text: '上午' } }, h.collective.caller);
    expect(typed.entry).toMatchObject({ title: '志愿服务日', text: '上午', version: empty.version + 1 });

    const refused = await app.call('creationlog', 'submit', { entryId: empty.id, version: typed.entry.version }, h.collective.caller);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { workDate: '工作日期：请填写', text: '内容：至少10个字', category: '类别：请选择' } },
    });
    expect((await app.ok('creationlog', 'getMine', { entryId: empty.id }, h.collective.caller)).entry.status).toBe('draft');
  });

  test('a stale save is refused and the newer text stays', async () => {
    const first = await draft(app, h.collective.caller);
    await app.ok('creationlog', 'saveDraft', { entryId: first.id, version: first.version, content: completeContent({ title: '第二台设备的标题' }) }, h.collective.caller);
    const stale = await app.call('creationlog', 'saveDraft', { entryId: first.id, version: first.version, content: completeContent({ title: '旧的标题' }) }, h.collective.caller);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await app.ok('creationlog', 'getMine', { entryId: first.id }, h.collective.caller)).entry.title).toBe('第二台设备的标题');
  });

  test('a work date after today (China time) cannot be submitted', async () => {
    // 2018-11-20 10:00 in China: the 21st is tomorrow.
    const entry = await draft(app, h.collective.caller, completeContent({ workDate: '2018-11-21' }));
    expect(await app.call('creationlog', 'submit', { entryId: entry.id, version: entry.version }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { workDate: '工作日期：不能晚于今天' } },
    });
  });

  test('after 提交创建日志 the entry is read-only, stamped, and a correction is a new entry that references it', async () => {
    const entry = await submitted(app, h.collective.caller);
    expect(entry).toMatchObject({ status: 'submitted', submittedAt: '2018-11-20T02:00:00.000Z', imageCount: 1 });
    const before = await app.snapshot();
    for (const [action, input] of [
      ['saveDraft', { entryId: entry.id, version: entry.version, content: completeContent({ title: '改写' }) }],
      ['submit', { entryId: entry.id, version: entry.version }],
      ['discardDraft', { entryId: entry.id }],
    ] as const) {
      expect([action, await app.call('creationlog', action, input, h.collective.caller)]).toMatchObject([action, { ok: false, error: { code: 'ENTRY_SUBMITTED' } }]);
    }
    expect(await app.snapshot()).toEqual(before);

    const correction = await draft(app, h.collective.caller, completeContent({ title: '更正：服务人次为二百余', correctsId: entry.id }));
    expect(correction).toMatchObject({ correctsId: entry.id, correctsTitle: entry.title });
    const other = await submitted(app, h.countyCollective.caller);
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ correctsId: other.id }) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { 'content.correctsId': '更正的动态：请选择本集体已提交的动态' } },
    });
  });

  test('a draft can be discarded; the timeline counts submissions per month and category', async () => {
    const gone = await draft(app, h.collective.caller);
    await app.ok('creationlog', 'discardDraft', { entryId: gone.id }, h.collective.caller);
    expect(await app.call('creationlog', 'getMine', { entryId: gone.id }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await submitted(app, h.collective.caller);
    await submitted(app, h.collective.caller, { category: 'learning', title: '青年理论学习' });
    await later({ minutes: 20 * 24 * 60 }); // 2018-12-10
    await submitted(app, h.collective.caller, { workDate: '2018-12-08' });
    const { months, prompt, silentDays } = await app.ok('creationlog', 'overview', {}, h.collective.caller);
    // Counts name only the categories a month has entries in (a campaign's list may change; absent is none).
    expect(months.map((m) => [m.month, m.total, m.byCategory.volunteer ?? 0, m.byCategory.learning ?? 0])).toEqual([
      ['2018-12', 1, 1, 0],
      ['2018-11', 2, 1, 1],
    ]);
    expect({ prompt, silentDays }).toEqual({ prompt: false, silentDays: 0 });
    const november = await app.ok('creationlog', 'listMine', { status: 'submitted', month: '2018-11' }, h.collective.caller);
    expect(november.items.map((e) => e.title)).toEqual(['青年理论学习', '公交一路青年志愿服务日']);
  });

  test('the 30-day prompt starts at 00:00 China time of the 30th day without a submission', async () => {
    // Submitted 2018-11-20 10:00 China time.
    await submitted(app, h.collective.caller);
    await later({ at: '2018-12-19T15:59:59.999Z' }); // 2018-12-19 23:59:59.999 China: 29 days
    expect(await app.ok('creationlog', 'overview', {}, h.collective.caller)).toMatchObject({ prompt: false, silentDays: 29 });
    await later({ at: '2018-12-19T16:00:00.000Z' }); // 2018-12-20 00:00 China: 30 days
    expect(await app.ok('creationlog', 'overview', {}, h.collective.caller)).toMatchObject({ prompt: true, silentDays: 30 });
  });
});

describe('an account issued before collectives started with their account', () => {
  test('reads its log without writing anything; its first entry creates its document, once', async () => {
    await app.store.remove('collectives', h.collective.accountId);
    const before = await app.snapshot();
    await app.ok('creationlog', 'overview', {}, h.collective.caller);
    await app.ok('creationlog', 'listMine', { status: 'submitted' }, h.collective.caller);
    expect(await app.snapshot()).toEqual(before);

    expect(await submitted(app, h.collective.caller)).toMatchObject({ status: 'submitted', collectiveName: '岳阳市公交一路青年班组' });
    await draft(app, h.collective.caller);
    const documents = await app.store.find<CollectiveDoc>('collectives', { where: { accountId: h.collective.accountId }, orderBy: { fields: ['accountId'], direction: 'asc' }, limit: 5 });
    expect(documents.items.map((c) => c.id)).toEqual([h.collective.accountId]);
  });
});

describe('images', () => {
  test("another collective's image, or any other address, cannot be put on an entry", async () => {
    const theirs = await uploadImage(app, h.countyCollective.caller);
    const mine = await uploadImage(app, h.collective.caller);
    for (const image of [theirs, 'https://example.com/a.png', '/files/creationlog/../openweek/x.png']) {
      expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ images: [mine, image] }) }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'IMAGE_NOT_UPLOADED', fields: { 'content.images': '图片：请通过“添加图片”上传' } },
      });
    }
    expect((await draft(app, h.collective.caller, completeContent({ images: [mine] }))).images).toEqual([mine]);
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ images: Array(10).fill(mine) }) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'content.images': '图片：最多9张' } },
    });
  });

  test('uploads and new entries are limited per collective per day', async () => {
    const limited = new TestApp({
      limits: { uploadsPerCollective: { limit: 2, windowSeconds: 86_400 }, creationEntriesPerCollective: { limit: 1, windowSeconds: 86_400 } },
    });
    try {
      const w = await seedHierarchy(limited);
      await uploadImage(limited, w.collective.caller);
      await uploadImage(limited, w.collective.caller);
      expect(await limited.call('creationlog', 'checkImage', await putImage(limited, w.collective.caller), w.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      const first = await draft(limited, w.collective.caller);
      expect(await limited.call('creationlog', 'saveDraft', { content: completeContent() }, w.collective.caller)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      // Saving the draft already written is not a new entry.
      await limited.ok('creationlog', 'saveDraft', { entryId: first.id, version: first.version, content: completeContent({ title: '仍可修改草稿' }) }, w.collective.caller);
      // Another collective has its own quota.
      await draft(limited, w.countyCollective.caller);
    } finally {
      await limited.close();
    }
  });
});

describe('one short video per entry', () => {
  const check = (url: string, caller = h.collective.caller) => app.call('creationlog', 'checkVideo', { url }, caller);

  test('a video the phone put into storage is checked by its bytes, shown with its length, and waits for an admin before it is public', async () => {
    // A camera writes moov after the media data: the server still reads the length there.
    const url = await putVideo(app, h.collective.caller, mp4File({ seconds: 42.25, moovLast: true, mediaBytes: 2048 }));
    expect(await app.ok('creationlog', 'checkVideo', { url }, h.collective.caller)).toEqual({ video: { url, seconds: 42.3, bytes: expect.any(Number) } });
    const entry = await submitted(app, h.collective.caller, { video: url });
    expect(entry).toMatchObject({ videoStatus: 'pending', video: { url, seconds: 42.3, approvedByUnitName: null } });

    const feed = await app.ok('creationlog', 'feed', { campaignId }, h.admin2.caller);
    expect(feed.items[0]).toMatchObject({ id: entry.id, videoStatus: 'pending' });
    const approved = await app.ok('creationlog', 'approveVideo', { entryId: entry.id }, h.admin2.caller);
    expect(approved.entry).toMatchObject({ videoStatus: 'approved', video: { url, approvedByUnitName: '岳阳市交通运输局' } });
    // Approving again changes nothing and is not audited twice.
    await app.ok('creationlog', 'approveVideo', { entryId: entry.id }, h.admin1.caller);
    const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { objectId: entry.id, action: 'creationlog.approveVideo' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(audits).toHaveLength(1);
    expect((await app.ok('creationlog', 'getMine', { entryId: entry.id }, h.collective.caller)).entry).toMatchObject({
      videoStatus: 'approved',
      video: { approvedByUnitName: '岳阳市交通运输局' },
    });
  });

  test('on CloudBase the video is the file id the phone’s upload answered; the server downloads it to check it', async () => {
    // Cloud storage as the SDK answers: file ids `cloud://<env>.<bucket>/<cloudPath>`, an unknown one STORAGE_FILE_NONEXIST.
    const stored = new Map<string, Buffer>();
    const fileId = (cloudPath: string) => `cloud://qnwmh-1a2b.7165-qnwmh-1a2b-1300000000/${cloudPath}`;
    const cloud = {
      uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
        stored.set(fileId(cloudPath), fileContent);
        return { fileID: fileId(cloudPath) };
      },
      downloadFile: async ({ fileID }: { fileID: string }) => {
        const bytes = stored.get(fileID);
        if (!bytes) throw Object.assign(new Error('file not exist'), { code: 'STORAGE_FILE_NONEXIST' });
        return { fileContent: bytes };
      },
    };
    app.deps.files = new CloudbaseFiles(cloud as unknown as CloudBase);

    const url = await putVideo(app, h.collective.caller, mp4File({ seconds: 30 }));
    expect(url).toMatch(new RegExp(`^cloud://qnwmh-1a2b\\.7165-qnwmh-1a2b-1300000000/creationlog/[0-9a-f]+/[0-9a-f]{32}\\.mp4$`));
    expect((await app.ok('creationlog', 'checkVideo', { url }, h.collective.caller)).video).toMatchObject({ url, seconds: 30 });
    const theirs = await putVideo(app, h.countyCollective.caller, mp4File());
    const missing = fileId((await app.ok('creationlog', 'videoUploadPath', {}, h.collective.caller)).cloudPath);
    for (const other of [theirs, missing]) {
      expect(await check(other)).toMatchObject({ ok: false, error: { code: 'VIDEO_NOT_UPLOADED', fields: { url: '视频：请通过“添加视频”上传' } } });
    }
  });

  test('the feed filters entries with a video, and those whose video waits for approval', async () => {
    // A minute apart, so that newest first is one order.
    const plain = await submitted(app, h.collective.caller, { title: '没有视频的动态' });
    app.advance(1);
    const approved = await submitted(app, h.collective.caller, { title: '视频已审核的动态', video: await checkedVideo(app, h.collective.caller, mp4File()) });
    app.advance(1);
    const pending = await submitted(app, h.collective.caller, { title: '视频待审核的动态', video: await checkedVideo(app, h.collective.caller, mp4File()) });
    await app.ok('creationlog', 'approveVideo', { entryId: approved.id }, h.admin3.caller);
    const titles = async (video?: 'any' | 'pending') => (await app.ok('creationlog', 'feed', { campaignId, ...(video ? { video } : {}) }, h.admin2.caller)).items.map((e) => e.title);
    expect(await titles()).toEqual([pending.title, approved.title, plain.title]);
    expect(await titles('any')).toEqual([pending.title, approved.title]);
    expect(await titles('pending')).toEqual([pending.title]);
  });

  test('a version 1 movie header is read as well', async () => {
    const url = await putVideo(app, h.collective.caller, mp4File({ seconds: 60, mvhdVersion: 1 }));
    expect((await app.ok('creationlog', 'checkVideo', { url }, h.collective.caller)).video.seconds).toBe(60);
  });

  test('a video that is not MP4, longer than 60 seconds or larger than 50 MB is refused at its field, whatever its name says', async () => {
    const cases: Array<[Buffer, string]> = [
      [PNG, '视频：请上传 MP4 格式的视频'],
      [mp4File({ brand: 'qt  ', compatible: ['qt  '] }), '视频：请上传 MP4 格式的视频'],
      [mp4File({ seconds: 60.5 }), '视频：不能超过60秒（这个视频约61秒）'],
      [mp4File({ withoutMoov: true }), '视频：读不出时长，请重新导出为 MP4 后上传'],
      [mp4File({ mediaBytes: 50 * 1024 * 1024 }), '视频：不能超过50MB'],
    ];
    for (const [bytes, message] of cases) {
      const url = await putVideo(app, h.collective.caller, bytes);
      const before = await app.snapshot();
      expect(await check(url)).toMatchObject({ ok: false, error: { code: 'VIDEO_INVALID', message, fields: { url: message } } });
      expect(await app.snapshot()).toEqual(before);
      expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ video: url }) }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'VIDEO_NOT_UPLOADED', fields: { 'content.video': '视频：请通过“添加视频”上传' } },
      });
    }
  });

  test("another collective's video, a file never uploaded, or any other address is refused", async () => {
    const theirs = await checkedVideo(app, h.countyCollective.caller, mp4File());
    const mine = await putVideo(app, h.collective.caller, mp4File());
    const neverUploaded = (await app.ok('creationlog', 'videoUploadPath', {}, h.collective.caller)).cloudPath;
    for (const url of [theirs, `/files/${neverUploaded}`, 'https://example.com/a.mp4', mine.replace('.mp4', '.png'), '/files/creationlog/../openweek/x.mp4']) {
      expect(await check(url)).toMatchObject({ ok: false, error: { code: 'VIDEO_NOT_UPLOADED', fields: { url: '视频：请通过“添加视频”上传' } } });
    }
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ video: theirs }) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'VIDEO_NOT_UPLOADED', fields: { 'content.video': '视频：请通过“添加视频”上传' } },
    });
    await check(mine);
    expect((await draft(app, h.collective.caller, completeContent({ video: mine }))).video).toMatchObject({ url: mine, seconds: 12 });
  });

  test('an admin approves only videos of submitted entries in their subtree', async () => {
    const entry = await submitted(app, h.collective.caller, { video: await checkedVideo(app, h.collective.caller, mp4File()) });
    const without = await submitted(app, h.collective.caller);
    const open = await draft(app, h.collective.caller, completeContent({ video: await checkedVideo(app, h.collective.caller, mp4File()) }));
    expect(await app.call('creationlog', 'approveVideo', { entryId: entry.id }, h.countyAdmin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('creationlog', 'approveVideo', { entryId: without.id }, h.admin3.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该创建日志没有视频' } });
    expect(await app.call('creationlog', 'approveVideo', { entryId: open.id }, h.admin3.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await app.ok('creationlog', 'readEntry', { entryId: entry.id }, h.admin3.caller)).entry.videoStatus).toBe('pending');
  });

  test("videos count against the collective's daily upload quota, once each, in number and bytes", async () => {
    const limited = new TestApp({ limits: { uploadsPerCollective: { limit: 2, windowSeconds: 86_400 }, uploadBytesPerCollective: { limit: 3000, windowSeconds: 86_400 } } });
    try {
      const w = await seedHierarchy(limited);
      const first = await putVideo(limited, w.collective.caller, mp4File({ mediaBytes: 1000 }));
      await limited.ok('creationlog', 'checkVideo', { url: first }, w.collective.caller);
      // Checking the same file again is not another upload: one image still fits in the count of two.
      await limited.ok('creationlog', 'checkVideo', { url: first }, w.collective.caller);
      await uploadImage(limited, w.collective.caller);
      expect(await limited.call('creationlog', 'checkImage', await putImage(limited, w.collective.caller), w.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      // Bytes: another collective (its own quota) fits 2,000 bytes of video, not 1,500 more.
      await checkedVideo(limited, w.countyCollective.caller, mp4File({ mediaBytes: 2000 }));
      const over = await putVideo(limited, w.countyCollective.caller, mp4File({ mediaBytes: 1500 }));
      expect(await limited.call('creationlog', 'checkVideo', { url: over }, w.countyCollective.caller)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    } finally {
      await limited.close();
    }
  });
});

describe('an open-week event becomes an entry in one tap', () => {
  test('a finished event with a summary gives a linked 开放周 draft with its photos; an unfinished one is refused', async () => {
    const { event } = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), campaignId), h.collective.caller);
    await app.ok('openweek', 'publishEvent', { eventId: event.id }, h.collective.caller);
    expect(await app.call('creationlog', 'draftFromEvent', { eventId: event.id }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await later({ minutes: 76 * 60 });
    const photo = (await app.ok('openweek', 'uploadPhoto', { eventId: event.id, contentType: 'image/png', base64: PNG.toString('base64') }, h.collective.caller)).url;
    await app.ok('openweek', 'recordSummary', { eventId: event.id, summary: '共接待市民二十余人，反响良好。', photos: [photo] }, h.collective.caller);
    expect(await app.call('creationlog', 'draftFromEvent', { eventId: event.id }, h.countyCollective.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Nor can another collective link it to an entry of its own, or put its photos on one.
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ eventId: event.id }) }, h.countyCollective.caller)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { 'content.eventId': '开放周活动：请选择本集体的活动' } },
    });
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ images: [photo] }) }, h.countyCollective.caller)).toMatchObject({
      ok: false,
      error: { code: 'IMAGE_NOT_UPLOADED' },
    });

    const { entry } = await app.ok('creationlog', 'draftFromEvent', { eventId: event.id }, h.collective.caller);
    expect(entry).toMatchObject({ status: 'draft', category: 'openweek', eventId: event.id, eventTitle: event.title, images: [photo], workDate: '2018-11-23' });
    expect(entry.text).toBe('共接待市民二十余人，反响良好。');
    const done = await app.ok('creationlog', 'submit', { entryId: entry.id, version: entry.version }, h.collective.caller);
    expect(done.entry.status).toBe('submitted');
  });
});

describe('admins who follow the log', () => {
  test('unread marks are per admin; "nobody at my level read it" clears when any admin at that level reads', async () => {
    const entry = await submitted(app, h.collective.caller);
    const other = await app.ok('admin', 'createAccount', { unitId: h.units.bureau.id, role: 'admin', name: '交通运输局另一位二级管理员' }, h.admin1.caller);
    const admin2b = await activate(app, other.account.code, other.oneTimePassword);
    const unread = async (caller: typeof h.admin1.caller, filter = {}) =>
      (await app.ok('creationlog', 'feed', { campaignId, ...filter }, caller)).items.map((e) => [e.id, e.unread]);

    expect(await unread(h.admin2.caller)).toEqual([[entry.id, true]]);
    const read = await app.ok('creationlog', 'readEntry', { entryId: entry.id }, h.admin2.caller);
    expect(read.entry.text).toBe(entry.text);
    expect(await unread(h.admin2.caller)).toEqual([[entry.id, false]]);
    expect(await unread(admin2b.caller)).toEqual([[entry.id, true]]);
    expect(await unread(h.admin1.caller)).toEqual([[entry.id, true]]);
    expect(await unread(admin2b.caller, { unreadAtMyLevel: true })).toEqual([]);
    expect(await unread(h.admin1.caller, { unreadAtMyLevel: true })).toEqual([[entry.id, true]]);

    // Reading again changes nothing and is not audited again.
    await app.ok('creationlog', 'readEntry', { entryId: entry.id }, h.admin2.caller);
    const reads = await findAll<AuditDoc>(app.store, 'audit', { where: { objectId: entry.id, action: 'creationlog.readEntry' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(reads.map((r) => r.actorCode)).toEqual([h.admin2.code]);
  });

  test('guidance reaches the collective through the outbox, shows on its entry, and is audited', async () => {
    const entry = await submitted(app, h.collective.caller);
    await app.ok('creationlog', 'addGuidance', { entryId: entry.id, text: '请补充服务人次的统计方法，并附现场照片。' }, h.admin2.caller);
    const told = (await app.mailbox()).filter((m) => m.to === `微信 account:${h.collective.accountId}` && m.subject.startsWith('[creationLogGuidance]'));
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('请补充服务人次的统计方法');
    expect(told[0].text).toContain(`collective/creationlog/entry?id=${entry.id}`);

    const seen = await app.ok('creationlog', 'getMine', { entryId: entry.id }, h.collective.caller);
    expect(seen.entry.guidance).toEqual([
      { id: expect.any(String), authorUnitName: '岳阳市交通运输局', authorRole: '二级管理员', text: '请补充服务人次的统计方法，并附现场照片。', at: '2018-11-20T02:00:00.000Z' },
    ]);
    expect(JSON.stringify(seen)).not.toContain(h.admin2.code);
    const trail = await app.ok('admin', 'listAudit', { objectId: entry.id }, h.admin1.caller);
    expect(trail.items.map((a) => [a.action, a.actorCode])).toContainEqual(['creationlog.addGuidance', h.admin2.code]);
  });

  test('the feed filters by unit, category, month and collective name, and pages newest first', async () => {
    const volunteer = await submitted(app, h.collective.caller);
    app.advance(60);
    const learning = await submitted(app, h.collective.caller, { category: 'learning', title: '青年理论学习' });
    app.advance(60);
    const county = await submitted(app, h.countyCollective.caller);
    await later({ minutes: 31 * 24 * 60 });
    const december = await submitted(app, h.collective.caller, { workDate: '2018-12-20' });
    const ids = async (filter: Record<string, unknown>, caller = h.office.caller) =>
      (await app.ok('creationlog', 'feed', { campaignId, ...filter }, caller)).items.map((e) => e.id);

    expect(await ids({})).toEqual([december.id, county.id, learning.id, volunteer.id]);
    expect(await ids({}, h.admin1.caller)).toEqual([december.id, learning.id, volunteer.id]);
    expect(await ids({ unitId: h.units.county.id })).toEqual([county.id]);
    expect(await ids({ category: 'learning' })).toEqual([learning.id]);
    expect(await ids({ month: '2018-11' })).toEqual([county.id, learning.id, volunteer.id]);
    expect(await ids({ q: '护理' })).toEqual([county.id]);
    expect(await app.call('creationlog', 'feed', { campaignId, unitId: h.units.county.id }, h.admin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });

    const first = await app.ok('creationlog', 'feed', { campaignId, limit: 3 }, h.office.caller);
    const next = await app.ok('creationlog', 'feed', { campaignId, limit: 3, cursor: first.nextCursor ?? undefined }, h.office.caller);
    expect([...first.items, ...next.items].map((e) => e.id)).toEqual([december.id, county.id, learning.id, volunteer.id]);
    expect(next.nextCursor).toBeNull();
  });

  test('a collective issued today and never signed in is listed as never having submitted', async () => {
    const issued = await app.ok('admin', 'createAccount', { unitId: h.units.station.id, role: 'collective', name: '公交二路青年班组' }, h.admin1.caller);
    const listed = await app.ok('creationlog', 'silentCollectives', { days: 30, unitId: h.units.station.id }, h.admin3.caller);
    expect(listed.items).toEqual([
      { collectiveId: h.collective.accountId, collectiveName: '岳阳市公交一路青年班组', unitName: '城区公交站', lastSubmittedAt: null, silentDays: null },
      { collectiveId: issued.account.id, collectiveName: '公交二路青年班组', unitName: '城区公交站', lastSubmittedAt: null, silentDays: null },
    ]);
  });

  test('collectives issued before the creation log get their activity record from the data upgrade, once', async () => {
    await app.store.remove('creationActivity', h.collective.accountId);
    await app.store.remove('creationActivity', h.countyCollective.accountId);
    await runDataUpgrades(app.deps);
    const restored = await app.store.get<CreationActivityDoc>('creationActivity', h.collective.accountId);
    expect(restored).toMatchObject({ collectiveName: '岳阳市公交一路青年班组', unitName: '城区公交站', unitL3: h.units.station.id, lastSubmittedAt: '' });
    expect(await app.store.get('creationActivity', h.countyCollective.accountId)).toMatchObject({ unitL1: h.units.county.id });
    expect(await app.store.get('dataUpgrades', 'creationActivity')).toMatchObject({ completedAt: app.clock.toISOString() });
  });

  test('silent collectives at 30 and 60 days, and per-unit figures from the counters', async () => {
    await app.ok('creationlog', 'overview', {}, h.countyCollective.caller);
    await submitted(app, h.collective.caller);
    await submitted(app, h.collective.caller, { category: 'learning' });
    const silent = async (days: 30 | 60, caller = h.office.caller) =>
      (await app.ok('creationlog', 'silentCollectives', { days }, caller)).items.map((c) => [c.collectiveName, c.silentDays]);

    expect(await silent(30)).toEqual([['岳阳县人民医院青年护理组', null]]);
    expect(await silent(30, h.admin1.caller)).toEqual([]);
    const station = await app.ok('creationlog', 'stats', { campaignId, unitId: h.units.station.id }, h.admin2.caller);
    expect(station).toMatchObject({ unitName: '城区公交站', total: 2, activeCollectives30d: 1, months: [{ month: '2018-11', total: 2 }] });
    expect(station.byCategory).toEqual({ volunteer: 1, learning: 1 });
    expect(await app.ok('creationlog', 'stats', { campaignId }, h.office.caller)).toMatchObject({ total: 2, activeCollectives30d: 1 });
    expect(await app.ok('creationlog', 'stats', { campaignId }, h.countyAdmin1.caller)).toMatchObject({ total: 0, activeCollectives30d: 0 });

    await later({ at: '2018-12-19T16:00:00.000Z' }); // 2018-12-20 00:00 China: 30 days since the 20th of November
    expect(await silent(30)).toEqual([
      ['岳阳县人民医院青年护理组', null],
      ['岳阳市公交一路青年班组', 30],
    ]);
    expect(await silent(60)).toEqual([['岳阳县人民医院青年护理组', null]]);
    expect(await app.ok('creationlog', 'stats', { campaignId }, h.admin1.caller)).toMatchObject({ total: 2, activeCollectives30d: 0 });

    await submitted(app, h.collective.caller, { workDate: '2018-12-19' });
    expect(await silent(30)).toEqual([['岳阳县人民医院青年护理组', null]]);
    expect(await app.ok('creationlog', 'stats', { campaignId }, h.admin1.caller)).toMatchObject({ total: 3, activeCollectives30d: 1 });
  });
});

import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { CreationActivityDoc } from '../../cloudfunctions/app/collections/creationlog';
import type { CollectiveDoc } from '../../cloudfunctions/app/collections/filing';
import { runDataUpgrades } from '../../cloudfunctions/app/jobs/data-upgrades';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { activate, seedHierarchy, TestApp } from '../support/harness';
import { campaignIdOf, completeContent, draft, PNG, signInAgain, submitted, uploadImage } from '../support/creationlog';
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
    expect(months.map((m) => [m.month, m.total, m.byCategory.volunteer, m.byCategory.learning])).toEqual([
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
  test('an image that is not the JPEG or PNG it claims, or too large, is refused at its field and nothing is stored', async () => {
    const before = await app.snapshot();
    expect(await app.call('creationlog', 'uploadImage', { contentType: 'image/jpeg', base64: PNG.toString('base64') }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_INVALID', fields: { base64: '图片：请上传 JPEG 或 PNG 图片' } },
    });
    expect(await app.call('creationlog', 'uploadImage', { contentType: 'image/gif', base64: PNG.toString('base64') }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { contentType: '图片格式：请选择' } },
    });
    const huge = Buffer.concat([PNG, Buffer.alloc(700_000)]).toString('base64');
    expect(await app.call('creationlog', 'uploadImage', { contentType: 'image/png', base64: huge }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { base64: '图片：不能超过约650KB，请压缩后再上传' } },
    });
    expect(await app.snapshot()).toEqual(before);
  });

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
      expect(await limited.call('creationlog', 'uploadImage', { contentType: 'image/png', base64: PNG.toString('base64') }, w.collective.caller)).toMatchObject({
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
    expect(station.byCategory).toMatchObject({ volunteer: 1, learning: 1, other: 0 });
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

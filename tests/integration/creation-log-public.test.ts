import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { CreationEntryDoc } from '../../cloudfunctions/app/collections/creationlog';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { expectOutcome } from '../support/authorization';
import { checkedVideo, draft, submitted } from '../support/creationlog';
import { seedHierarchy, TestApp } from '../support/harness';
import { mp4File } from '../support/mp4';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

let app: TestApp;
let h: Hierarchy;

beforeEach(async () => {
  app = new TestApp();
  h = await seedHierarchy(app);
});
afterEach(() => app.close());

const setPublic = (entry: { id: string; version: number }, value: boolean, caller = h.collective.caller) =>
  app.call('creationlog', 'setPublic', { entryId: entry.id, public: value, version: entry.version }, caller);
const makePublic = async (entry: { id: string; version: number }, caller = h.collective.caller) =>
  (await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: true, version: entry.version }, caller)).entry;
const pageOf = (who = h.collective) => app.ok('evaluation', 'publicPage', { collectiveId: who.accountId });

describe('公开 on the 三亮 page', () => {
  test('a submitted entry marked 公开 shows on its collective’s 三亮 page, and disappears when withdrawn; both are audited', async () => {
    const entry = await submitted(app, h.collective.caller);
    expect((await pageOf()).entries).toEqual({ items: [], nextCursor: null });

    const shown = await makePublic(entry);
    expect(shown).toMatchObject({ publicState: 'public', version: entry.version + 1 });
    const page = await pageOf();
    expect(page.entries.items).toEqual([
      { id: entry.id, title: entry.title, category: 'volunteer', categoryLabel: '志愿服务', workDate: '2018-11-18', text: entry.text, images: entry.images, thumbnails: entry.thumbnails, video: null, submittedAt: entry.submittedAt },
    ]);
    expect((await app.ok('evaluation', 'publicEntries', { code: page.collective.code })).items.map((e) => e.id)).toEqual([entry.id]);

    const withdrawn = (await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: false, version: shown.version }, h.collective.caller)).entry;
    expect(withdrawn.publicState).toBeNull();
    expect((await pageOf()).entries.items).toEqual([]);
    const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { objectId: entry.id, action: 'creationlog.setPublic' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(audits.map((a) => a.after)).toEqual([{ publicState: 'public' }, { publicState: null }]);
  });

  test('only the owning collective marks its entry; a draft cannot be public; a stale version is refused', async () => {
    const entry = await submitted(app, h.collective.caller);
    await expectOutcome(app, () => setPublic(entry, true, h.countyCollective.caller), 'NOT_FOUND');
    await expectOutcome(app, () => setPublic(entry, true, h.admin2.caller), 'FORBIDDEN');
    await expectOutcome(app, () => app.call('creationlog', 'setPublic', { entryId: entry.id, public: true, version: entry.version }), 'UNAUTHENTICATED');
    await expectOutcome(app, () => setPublic({ id: entry.id, version: entry.version - 1 }, true), 'CONFLICT');
    const open = await draft(app, h.collective.caller);
    expect(await setPublic(open, true)).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_SUBMITTED', message: '草稿不能公开，请先提交创建日志' } });
    expect((await pageOf()).entries.items).toEqual([]);
  });

  test('an entry with a blocked word is refused with the rule named, and nothing changes', async () => {
    const entry = await submitted(app, h.collective.caller, { text: '班组青年在站台劝阻乘客点击赌博网站的链接，守护乘客财产安全。' });
    expect(await setPublic(entry, true)).toMatchObject({
      ok: false,
      error: { code: 'ENTRY_CONTENT_REJECTED', message: '该创建日志含有不宜公开的信息（内容安全检查未通过），不能公开' },
    });
    const stored = await app.store.get<CreationEntryDoc>('creationEntries', entry.id);
    expect(stored).toMatchObject({ version: entry.version });
    expect(stored?.publicState ?? null).toBeNull();
    expect(await findAll<AuditDoc>(app.store, 'audit', { where: { objectId: entry.id, action: 'creationlog.setPublic' }, orderBy: { fields: ['at'], direction: 'asc' } })).toEqual([]);
    expect((await pageOf()).entries.items).toEqual([]);
  });

  test('an entry whose check is still under review is held (审核中) and shown to nobody', async () => {
    const entry = await submitted(app, h.collective.caller);
    app.deps.contentSecurity = { checkText: async () => 'pass', checkImage: async () => ({ verdict: 'review' }) };
    expect(await makePublic(entry)).toMatchObject({ publicState: 'review' });
    expect((await app.ok('creationlog', 'getMine', { entryId: entry.id }, h.collective.caller)).entry.publicState).toBe('review');
    expect((await pageOf()).entries.items).toEqual([]);
  });

  test('the video of a public entry shows only once a managing admin approved it', async () => {
    const url = await checkedVideo(app, h.collective.caller, mp4File({ seconds: 30, mediaBytes: 1024 }));
    const entry = await submitted(app, h.collective.caller, { video: url });
    await makePublic(entry);
    expect((await pageOf()).entries.items[0]).toMatchObject({ id: entry.id, video: null });
    await app.ok('creationlog', 'approveVideo', { entryId: entry.id }, h.admin2.caller);
    expect((await pageOf()).entries.items[0]).toMatchObject({ id: entry.id, video: { url, seconds: 30 } });
  });

  test('the page lists only its own collective’s public entries, newest first, a page at a time', async () => {
    const made = [];
    for (let i = 1; i <= 7; i++) {
      app.advance(10);
      made.push(await makePublic(await submitted(app, h.collective.caller, { title: `志愿服务第${i}次` })));
    }
    await submitted(app, h.collective.caller, { title: '未公开的动态' });
    await makePublic(await submitted(app, h.countyCollective.caller, { title: '县医院的公开动态' }), h.countyCollective.caller);

    const page = await pageOf();
    const newestFirst = made.map((e) => e.title).reverse();
    expect(page.entries.items.map((e) => e.title)).toEqual(newestFirst.slice(0, 5));
    const more = await app.ok('evaluation', 'publicEntries', { code: page.collective.code, cursor: page.entries.nextCursor!, limit: 5 });
    expect(more).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(more.items.map((e) => e.title)).toEqual(newestFirst.slice(5));
    expect((await pageOf(h.countyCollective)).entries.items.map((e) => e.title)).toEqual(['县医院的公开动态']);
  });
});

import type { AuditDoc } from '../../cloudfunctions/app/collections';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { seedHierarchy, TestApp } from '../support/harness';
import { campaignIdOf, completeContent, draft, submitted } from '../support/creationlog';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

let app: TestApp;
let h: Hierarchy;
let campaignId: string;

beforeEach(async () => {
  app = new TestApp();
  h = await seedHierarchy(app);
  campaignId = await campaignIdOf(app, h.office.caller);
});
afterEach(() => app.close());

type Item = { code?: string; label: string; hidden: boolean };
const DEFAULT_LABELS = ['岗位建功', '创新创效', '志愿服务', '开放周', '学习培训', '三亮', '其他'];
const list = () => app.ok('creationlog', 'categories', { campaignId }, h.office.caller);
const setList = (categories: Item[], version: number) => app.call('creationlog', 'setCategories', { campaignId, version, categories }, h.office.caller);
/** The current list, as items to send back, changed by `change`. */
async function edited(change: (items: Item[]) => Item[]) {
  const current = await list();
  return { items: change(current.categories.map(({ code, label, hidden }) => ({ code, label, hidden }))), version: current.version };
}

describe("a campaign's creation-log categories", () => {
  test('a campaign has the default list until the office sets its own; entries, counts and the feed then use it', async () => {
    expect((await list()).categories.map((c) => c.label)).toEqual(DEFAULT_LABELS);
    expect((await list()).version).toBe(0);

    const { items, version } = await edited((all) => [
      ...all.filter((c) => c.label !== '三亮').map((c) => (c.label === '其他' ? { ...c, hidden: true } : c)),
      { label: '青年突击队', hidden: false },
    ]);
    const set = await setList(items, version);
    expect(set).toMatchObject({ ok: true, data: { version: 1 } });
    const shock = (await list()).categories.find((c) => c.label === '青年突击队')!;
    expect(shock.code).toMatch(/^c[0-9a-f]{8}$/);

    // The form offers what is not hidden; the collective's overview names the campaign's list.
    const overview = await app.ok('creationlog', 'overview', {}, h.collective.caller);
    expect(overview.categories.filter((c) => !c.hidden).map((c) => c.label)).toEqual(['岗位建功', '创新创效', '志愿服务', '开放周', '学习培训', '青年突击队']);

    const entry = await submitted(app, h.collective.caller, { category: shock.code });
    expect(entry).toMatchObject({ category: shock.code, categoryLabel: '青年突击队' });
    expect((await app.ok('creationlog', 'feed', { campaignId, category: shock.code }, h.admin2.caller)).items.map((e) => e.id)).toEqual([entry.id]);
    expect((await app.ok('creationlog', 'stats', { campaignId }, h.admin1.caller)).byCategory).toEqual({ [shock.code]: 1 });
    expect((await app.ok('creationlog', 'overview', {}, h.collective.caller)).months[0].byCategory).toEqual({ [shock.code]: 1 });

    // A hidden or removed category is refused for an entry, at its field.
    for (const code of ['other', 'sanliang']) {
      expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ category: code }) }, h.collective.caller)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'content.category': '类别：请选择本创建活动的类别' } },
      });
    }

    const audits = await findAll<AuditDoc>(app.store, 'audit', { where: { action: 'creationlog.setCategories' }, orderBy: { fields: ['at'], direction: 'asc' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ objectType: 'campaign', objectId: campaignId, actorCode: h.office.code });
  });

  test('a category entries use cannot be removed or renamed, only hidden; a draft that has it keeps it', async () => {
    const open = await draft(app, h.collective.caller, completeContent({ category: 'learning' }));
    await submitted(app, h.collective.caller, { category: 'volunteer' });
    const inUse = (await list()).categories.filter((c) => c.inUse).map((c) => c.label);
    expect(inUse).toEqual(['志愿服务', '学习培训']);

    const before = await app.snapshot();
    const removed = await edited((all) => all.filter((c) => c.label !== '学习培训'));
    expect(await setList(removed.items, removed.version)).toMatchObject({
      ok: false,
      error: { code: 'CATEGORY_IN_USE', fields: { categories: '类别“学习培训”已有动态使用，不能删除或改名，只能隐藏' } },
    });
    const renamed = await edited((all) => all.map((c) => (c.label === '志愿服务' ? { ...c, label: '志愿活动' } : c)));
    expect(await setList(renamed.items, renamed.version)).toMatchObject({ ok: false, error: { code: 'CATEGORY_IN_USE' } });
    expect(await app.snapshot()).toEqual(before);

    // Hidden instead, and an unused one removed: allowed.
    const hidden = await edited((all) => all.filter((c) => c.label !== '三亮').map((c) => (c.label === '学习培训' ? { ...c, hidden: true } : c)));
    expect(await setList(hidden.items, hidden.version)).toMatchObject({ ok: true });
    const kept = await app.ok('creationlog', 'saveDraft', { entryId: open.id, version: open.version, content: completeContent({ category: 'learning', title: '仍是学习培训' }) }, h.collective.caller);
    expect(kept.entry).toMatchObject({ category: 'learning', categoryLabel: '学习培训' });
    expect(await app.call('creationlog', 'saveDraft', { content: completeContent({ category: 'learning' }) }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { fields: { 'content.category': '类别：请选择本创建活动的类别' } },
    });
  });

  test('1–12 categories of at most 10 characters, none twice, one at least offered, on the version read', async () => {
    const label = (i: number) => `类别${i}`;
    const cases: Array<[Item[], string]> = [
      [Array.from({ length: 13 }, (_, i) => ({ label: label(i), hidden: false })), '类别：最多12个'],
      [[], '类别：至少保留1个'],
      [[{ label: '一二三四五六七八九十一', hidden: false }], '类别名称：不能超过10个字'],
      [[{ label: '志愿服务', hidden: false }, { label: '志愿服务', hidden: false }], '类别：名称不能重复（志愿服务）'],
      [[{ label: '志愿服务', hidden: true }], '类别：至少保留1个对新动态显示的类别'],
    ];
    const before = await app.snapshot();
    for (const [categories, message] of cases) {
      const result = await setList(categories, 0);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(result)).toContain(message);
    }
    expect(await app.snapshot()).toEqual(before);
    expect(await setList(Array.from({ length: 12 }, (_, i) => ({ label: label(i), hidden: false })), 0)).toMatchObject({ ok: true });
    expect(await setList([{ label: '旧版本', hidden: false }], 0)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

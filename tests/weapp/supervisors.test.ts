import type { UnitView } from '../../shared/contract';
import type { Envelope } from '../../shared/envelope';
import { ERRORS } from '../../shared/errors';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { officeView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const office = officeView();
const ROOT: UnitView = { id: office.unitId, name: office.unitName, kind: 'office', level: 0, parentId: null, quota: null };
const unit = (id: string, name: string, parent: UnitView, kind: UnitView['kind'] = 'industry'): UnitView => ({ id, name, kind, level: parent.level + 1, parentId: parent.id, quota: null });
const LONG = '中国铁路广州局集团有限公司长沙车务段岳阳东站客运车间青年服务窗口联络办公室';
const TRAFFIC = unit('u1', '交通', ROOT);
const RAILWAY = unit('u-rail', LONG, ROOT);
const EDUCATION = unit('u-edu', '教育', ROOT);
/** The units under each unit; the office's own come in two pages (the chooser reads every page of a level). */
const TREE: Record<string, UnitView[]> = {
  [ROOT.id]: [TRAFFIC, RAILWAY, EDUCATION],
  [RAILWAY.id]: [unit('u-station', '岳阳东站', RAILWAY), unit('u-depot', '长沙车务段', RAILWAY)],
  [EDUCATION.id]: [unit('u-school', '岳阳市第一中学', EDUCATION, 'region')],
};
const EVERY_UNIT = [ROOT, ...Object.values(TREE).flat()];
const FIRST_PAGE = 2;
const NO_CHILD = '不选下级（本级）';
const CODE = 'K7M2P9QRST4X';

/** How many times each level was asked for; the first load of 教育's level fails, as a dropped connection would. */
const asked: Record<string, number> = {};
const appointed: FixtureOf<'evaluation.appointSupervisor'>['supervisor'][] = [];
const answer = fakeCloud({
  'account.me': { account: office },
  'evaluation.unitSupervisors': (): Envelope<FixtureOf<'evaluation.unitSupervisors'>> => ({ ok: true, data: { items: [...appointed].reverse(), nextCursor: null } }),
  'admin.listUnits': (call): Envelope<FixtureOf<'admin.listUnits'>> => {
    const { parentId, cursor } = call.data.data as { parentId: string; cursor?: string };
    asked[parentId] = (asked[parentId] ?? 0) + 1;
    if (parentId === EDUCATION.id && asked[parentId] === 1) return { ok: false, error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message } };
    const all = TREE[parentId] ?? [];
    const paged = parentId === ROOT.id;
    const items = paged ? (cursor ? all.slice(FIRST_PAGE) : all.slice(0, FIRST_PAGE)) : all;
    const parent = EVERY_UNIT.find((u) => u.id === parentId)!;
    return { ok: true, data: { items, nextCursor: paged && !cursor ? 'page-2' : null, parent, ancestors: [] } };
  },
  'evaluation.appointSupervisor': (call): Envelope<FixtureOf<'evaluation.appointSupervisor'>> => {
    const input = call.data.data as { unitId: string; name: string };
    const chosen = EVERY_UNIT.find((u) => u.id === input.unitId)!;
    const supervisor = {
      id: `sv-${appointed.length + 1}`, name: input.name, unit: { id: chosen.id, name: chosen.name }, status: 'invited' as const, statusLabel: '待接受邀请',
      invitationExpiresAt: '2018-12-04T02:00:00.000Z', appointedAt: '2018-11-27T02:00:00.000Z', redeemedAt: null, revokedAt: null, reports: 0, forwarded: 0,
    };
    appointed.push(supervisor);
    return { ok: true, data: { supervisor, invitation: { code: CODE, link: `https://example.cn/#/events/supervision?invite=${CODE}`, expiresAt: supervisor.invitationExpiresAt } } };
  },
});

const calls = (page: OpenedPage, action: string) => page.cloud.calls.filter((c) => c.data.action === action).map((c) => c.data.data);
/** What the picker at `depth` offers (WeChat's picker draws its `range` when opened), and the row it shows. */
const offered = (page: OpenedPage, depth: number) => {
  const [picker] = page.findAll(`.unit-field__level--${depth} .unit-field__picker`);
  return picker?.toJSON().attrs.find((attr) => attr.name === 'range')?.value as unknown;
};
const shown = (page: OpenedPage, depth: number) => page.texts(`.unit-field__level--${depth} .unit-field__pick`)[0];
const chosen = (page: OpenedPage) => page.texts('.unit-field__chosen')[0];

/** 社会监督员 in the mini-program for the office: the appointing unit is chosen level by level in WeChat's own picker. */
describe('the supervisors page in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/evaluation/supervisors', { answer });
    await page.waitFor('.unit-field__level--0 .unit-field__picker');
  });

  test('the office’s own unit is chosen at first; 下级单位 offers 不选下级（本级） then every level-1 unit, all pages read', () => {
    expect(chosen(page)).toBe(ROOT.name);
    expect(page.texts('.unit-field__level--0 .unit-field__under')).toEqual(['下级单位']);
    expect(offered(page, 0)).toEqual([NO_CHILD, '交通', LONG, '教育']);
    expect(shown(page, 0)).toBe(NO_CHILD);
    expect(calls(page, 'listUnits')).toEqual([
      { parentId: ROOT.id, limit: 50 },
      { parentId: ROOT.id, cursor: 'page-2', limit: 50 },
    ]);
    expect(page.findAll('.unit-field__level--1')).toHaveLength(0);
    expect(page.texts('.supervisor-list .list-end')).toEqual(['尚未聘任社会监督员']);
  });

  test('choosing a level-1 unit shows its whole name as 聘任单位 and opens 再下一级 with its children', async () => {
    await page.pick('.unit-field__level--0 .unit-field__picker', '2');
    await page.waitFor('.unit-field__level--1 .unit-field__picker');
    expect(chosen(page)).toBe(LONG);
    expect(LONG.length).toBeGreaterThan(30);
    expect(shown(page, 0)).toBe(LONG);
    expect(page.texts('.unit-field__level--1 .unit-field__under')).toEqual(['再下一级']);
    expect(offered(page, 1)).toEqual([NO_CHILD, '岳阳东站', '长沙车务段']);
    expect(shown(page, 1)).toBe(NO_CHILD);
    expect(calls(page, 'listUnits').slice(2)).toEqual([{ parentId: RAILWAY.id, limit: 50 }]);
  });

  test('appointing sends the chosen unit and the typed name, shows the invitation code, and keeps the unit for the next one', async () => {
    await page.type('.field-name', '李监督员');
    await page.tap('.btn-appoint');
    await page.waitFor('.invitation-code');
    expect(calls(page, 'appointSupervisor')).toEqual([{ unitId: RAILWAY.id, name: '李监督员' }]);
    expect(page.texts('.invitation-code')).toEqual([CODE]);
    await page.waitUntil(() => page.texts('.supervisor-name').length === 1, 'the new supervisor listed');
    expect(page.texts('.supervisor-list .case-card__due')[0]).toContain(LONG);
    expect(chosen(page)).toBe(LONG);
    expect(page.valueOf('.field-name')).toBe('');
  });

  test('a level that fails to load shows the reason and 重试, which loads it again', async () => {
    await page.pick('.unit-field__level--0 .unit-field__picker', '3');
    await page.waitFor('.unit-field__retry');
    expect(chosen(page)).toBe('教育');
    expect(page.texts('.unit-field__failed-reason')).toEqual([ERRORS.INTERNAL.message]);
    expect(page.findAll('.unit-field__level--1')).toHaveLength(0);

    await page.tap('.unit-field__retry');
    await page.waitFor('.unit-field__level--1 .unit-field__picker');
    expect(offered(page, 1)).toEqual([NO_CHILD, '岳阳市第一中学']);
    expect(page.findAll('.unit-field__retry')).toHaveLength(0);
    expect(calls(page, 'listUnits').filter((c) => (c as { parentId: string }).parentId === EDUCATION.id)).toHaveLength(2);
  });

  test('a unit two levels down can be chosen, and 不选下级 above it goes back to the office’s own unit', async () => {
    await page.pick('.unit-field__level--1 .unit-field__picker', '1');
    await page.waitUntil(() => chosen(page) === '岳阳市第一中学', 'the level-2 unit chosen');
    expect(shown(page, 1)).toBe('岳阳市第一中学');
    await page.pick('.unit-field__level--0 .unit-field__picker', '0');
    await page.waitUntil(() => chosen(page) === ROOT.name, 'back to the office’s unit');
    expect(page.findAll('.unit-field__level--1')).toHaveLength(0);
  });
});

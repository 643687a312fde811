import type { Caller } from '../../cloudfunctions/app/context';
import { seedDemo } from '../../cloudfunctions/local-host/demo/seed-demo';
import { activate, seedHierarchy, TestApp } from '../support/harness';

let app: TestApp;
let h: Awaited<ReturnType<typeof seedHierarchy>>;

/** The block's tests each start from a fresh store with the seeded hierarchy. */
function freshHierarchyForEachTest(): void {
  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
  });
  afterEach(() => app.close());
}

describe('the demo campaign', () => {
  test('loads the Yueyang office with its 12 industry and 13 region units and their quotas', async () => {
    const app = new TestApp();
    try {
      const seeded = (await seedDemo(app.deps))!;
      const office = await activate(app, seeded.code, seeded.oneTimePassword);
      const first = await app.ok('admin', 'listUnits', { limit: 20 }, office.caller);
      const second = await app.ok('admin', 'listUnits', { limit: 20, cursor: first.nextCursor! }, office.caller);
      const units = [...first.items, ...second.items];
      expect(second.nextCursor).toBeNull();
      expect(units.filter((u) => u.kind === 'industry')).toHaveLength(12);
      expect(units.filter((u) => u.kind === 'region')).toHaveLength(13);
      expect(units[0]).toMatchObject({ name: '交通', quota: 2, level: 1 });
      expect(units.find((u) => u.name === '非公有制经济组织和社会组织')?.quota).toBe(5);
      expect(units.find((u) => u.name === '临港产业新区')?.quota).toBe(5);
      expect(await seedDemo(app.deps)).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('building the unit tree', () => {
  freshHierarchyForEachTest();

  test('a child unit inherits its branch channel and sits one level lower', async () => {
    const unit = (await app.ok('admin', 'createUnit', { parentId: h.units.transport.id, name: '岳阳港务局' }, h.admin1.caller)).unit;
    expect(unit).toMatchObject({ kind: 'industry', level: 2, parentId: h.units.transport.id });
  });

  test('a level-1 unit must say whether it is an industry or a region channel', async () => {
    const root = h.units.transport.parentId!;
    expect(await app.call('admin', 'createUnit', { parentId: root, name: '新行业' }, h.office.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { kind: '归口类型：请选择行业或地方' } },
    });
    expect((await app.ok('admin', 'createUnit', { parentId: root, name: '新行业', kind: 'industry' }, h.office.caller)).unit.level).toBe(1);
  });

  test('there is no fourth level', async () => {
    expect(await app.call('admin', 'createUnit', { parentId: h.units.station.id, name: '第四级' }, h.admin1.caller)).toMatchObject({
      ok: false,
      error: { code: 'UNIT_TOO_DEEP' },
    });
  });

  test('two children of one unit cannot share a name; cousins can', async () => {
    expect(await app.call('admin', 'createUnit', { parentId: h.units.transport.id, name: '岳阳市交通运输局' }, h.admin1.caller)).toMatchObject({
      ok: false,
      error: { code: 'UNIT_NAME_TAKEN', fields: { name: expect.stringContaining('单位名称') } },
    });
    expect((await app.call('admin', 'createUnit', { parentId: h.units.county.id, name: '岳阳市交通运输局' }, h.office.caller)).ok).toBe(true);
  });

  test('the breadcrumb shows only the ancestors inside the caller’s scope', async () => {
    const asAdmin1 = await app.ok('admin', 'listUnits', { parentId: h.units.station.id }, h.admin1.caller);
    expect(asAdmin1.ancestors.map((u) => u.name)).toEqual(['交通', '岳阳市交通运输局']);
    const asOffice = await app.ok('admin', 'listUnits', { parentId: h.units.station.id }, h.office.caller);
    expect(asOffice.ancestors).toHaveLength(3);
  });
});

describe('issuing codes', () => {
  freshHierarchyForEachTest();

  test('a level-1 admin issues a collective code with a one-time password the store never keeps in clear', async () => {
    const issued = await app.ok('admin', 'createAccount', { unitId: h.units.station.id, role: 'collective', name: '公交二路青年班组' }, h.admin1.caller);
    expect(issued.account).toMatchObject({ role: 'collective', mustChangePassword: true, unitName: '城区公交站', status: 'active' });
    expect(issued.account.code).toMatch(/^JT[2-9A-HJ-NP-Z]{6}$/);
    expect(issued.oneTimePassword).toHaveLength(10);
    expect(JSON.stringify(await app.snapshot())).not.toContain(issued.oneTimePassword);
  });

  test('an admin account takes the level of its unit', async () => {
    const issued = await app.ok('admin', 'createAccount', { unitId: h.units.station.id, role: 'admin', name: '另一位三级管理员' }, h.admin1.caller);
    expect(issued.account).toMatchObject({ role: 'admin', level: 3 });
    expect(issued.account.code).toMatch(/^GL/);
  });

  test('a level-1 admin cannot make another level-1 admin', async () => {
    expect(await app.call('admin', 'createAccount', { unitId: h.units.transport.id, role: 'admin', name: '冒名一级管理员' }, h.admin1.caller)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { unitId: expect.stringContaining('一级管理员只能为二级、三级单位派发') } },
    });
  });

  test('every refused field is named, all at once', async () => {
    const result = await app.call('admin', 'createAccount', { unitId: '', role: 'boss', name: 'x', recoveryEmail: 'nope' }, h.admin1.caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['name', 'recoveryEmail', 'role', 'unitId']);
    expect(result.error.fields?.name).toBe('名称：至少2个字');
  });
});

describe('listing and finding accounts', () => {
  freshHierarchyForEachTest();

  test('pages by cursor through the subtree, newest first, never more than a page', async () => {
    for (let i = 0; i < 7; i++) {
      app.advance(1);
      await app.ok('admin', 'createAccount', { unitId: h.units.station.id, role: 'collective', name: `青年班组${i}` }, h.admin1.caller);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.ok('admin', 'listAccounts', { unitId: h.units.station.id, role: 'collective', limit: 3, cursor }, h.admin1.caller);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['青年班组6', '青年班组5', '青年班组4', '青年班组3', '青年班组2', '青年班组1', '青年班组0', '岳阳市公交一路青年班组']);
  });

  test('finds by part of the name or the start of the code, only inside the scope', async () => {
    const byName = await app.ok('admin', 'listAccounts', { q: '公交一路' }, h.admin1.caller);
    expect(byName.items.map((a) => a.code)).toEqual([h.collective.code]);
    const byCode = await app.ok('admin', 'listAccounts', { q: h.collective.code.slice(0, 5).toLowerCase() }, h.admin1.caller);
    expect(byCode.items.map((a) => a.code)).toContain(h.collective.code);
    const outside = await app.ok('admin', 'listAccounts', { q: '人民医院' }, h.admin1.caller);
    expect(outside.items).toEqual([]);
  });

  test('a tampered cursor is refused as bad input', async () => {
    expect(await app.call('admin', 'listAccounts', { cursor: 'not-a-cursor' }, h.admin1.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { cursor: expect.any(String) } },
    });
  });
});

describe('managing an account', () => {
  freshHierarchyForEachTest();

  test('a reset password is one-time: the holder must change it, and old sessions end', async () => {
    const reset = await app.ok('admin', 'resetPassword', { accountId: h.collective.accountId }, h.admin1.caller);
    expect((await app.ok('account', 'me', {}, h.collective.caller)).account).toBeNull();
    expect(await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password })).toMatchObject({ ok: false });
    const signedIn = await app.ok('account', 'signIn', { code: h.collective.code, password: reset.oneTimePassword });
    expect(signedIn.account.mustChangePassword).toBe(true);
  });

  test('a locked account cannot sign in or act, and can again once unlocked', async () => {
    await app.ok('admin', 'lockAccount', { accountId: h.collective.accountId, reason: '暂停使用' }, h.admin1.caller);
    expect(await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password })).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
    expect(await app.call('account', 'signOut', {}, h.collective.caller)).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
    await app.ok('admin', 'unlockAccount', { accountId: h.collective.accountId }, h.admin1.caller);
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password })).ok).toBe(true);
  });

  test('an admin lifts the 15-minute lock of the whole account early', async () => {
    for (let address = 1; address <= 5; address++) {
      for (let i = 0; i < 5; i++) await app.call('account', 'signIn', { code: h.collective.code, password: 'Wrong1234' }, { ip: `203.0.113.${address}` });
    }
    const view = await app.ok('admin', 'getAccount', { accountId: h.collective.accountId }, h.admin1.caller);
    expect(view.account.lockedUntil).not.toBeNull();
    const holder = { ip: '198.51.100.7' };
    expect(await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password }, holder)).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    await app.ok('admin', 'unlockAccount', { accountId: h.collective.accountId }, h.admin1.caller);
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password }, holder)).ok).toBe(true);
  });

  test('unlocking an account that is not locked is refused', async () => {
    expect(await app.call('admin', 'unlockAccount', { accountId: h.collective.accountId }, h.admin1.caller)).toMatchObject({ error: { code: 'INVALID_STATE' } });
  });

  test('a cancelled code stops working for good; its history stays', async () => {
    await app.ok('admin', 'cancelAccount', { accountId: h.collective.accountId, reason: '集体撤销建制' }, h.office.caller);
    expect(await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password })).toMatchObject({ error: { code: 'ACCOUNT_CANCELLED' } });
    expect(await app.call('admin', 'unlockAccount', { accountId: h.collective.accountId }, h.office.caller)).toMatchObject({ error: { code: 'INVALID_STATE' } });
    const audit = await app.ok('admin', 'listAudit', { objectId: h.collective.accountId }, h.office.caller);
    expect(audit.items[0]).toMatchObject({ action: 'admin.cancelAccount', reason: '集体撤销建制', actorCode: h.office.code });
    expect(audit.items.length).toBeGreaterThan(1);
  });

  test('nobody locks or resets their own account through the console', async () => {
    expect(await app.call('admin', 'lockAccount', { accountId: h.admin1.accountId, reason: '自己锁自己' }, h.admin1.caller)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  test('two admins deciding on the same account at once: exactly one decision lands', async () => {
    const results = await Promise.all([
      app.call('admin', 'lockAccount', { accountId: h.collective.accountId, reason: '第一位管理员' }, h.admin1.caller),
      app.call('admin', 'lockAccount', { accountId: h.collective.accountId, reason: '第二位管理员' }, h.office.caller),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: expect.stringMatching(/^(CONFLICT|INVALID_STATE)$/) } });
    const audit = await app.ok('admin', 'listAudit', { objectId: h.collective.accountId }, h.office.caller);
    expect(audit.items.filter((a) => a.action === 'admin.lockAccount')).toHaveLength(1);
  });
});

describe('the audit log', () => {
  freshHierarchyForEachTest();

  const logOf = async (who: { caller: Caller }) => {
    const items = (await app.ok('admin', 'listAudit', { limit: 50 }, who.caller)).items;
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
    return new Set(items.filter((i) => i.action === 'admin.createAccount').map((i) => i.objectId));
  };

  test('each admin reads its own subtree’s records, newest first; the office reads them all', async () => {
    const everyone = [h.admin1, h.admin2, h.admin3, h.collective, h.countyAdmin1, h.countyCollective].map((a) => a.accountId);
    expect([...(await logOf(h.office))].sort()).toEqual([...everyone].sort());
    expect([...(await logOf(h.admin1))].sort()).toEqual([h.admin1, h.admin2, h.admin3, h.collective].map((a) => a.accountId).sort());
    expect([...(await logOf(h.admin2))].sort()).toEqual([h.admin2, h.admin3, h.collective].map((a) => a.accountId).sort());
    expect([...(await logOf(h.admin3))].sort()).toEqual([h.admin3, h.collective].map((a) => a.accountId).sort());
    expect([...(await logOf(h.countyAdmin1))].sort()).toEqual([h.countyAdmin1, h.countyCollective].map((a) => a.accountId).sort());
  });

  test('one object’s history is readable only from inside the subtree it belongs to', async () => {
    expect((await app.ok('admin', 'listAudit', { objectId: h.collective.accountId }, h.admin3.caller)).items.length).toBeGreaterThan(0);
    expect((await app.ok('admin', 'listAudit', { objectId: h.collective.accountId }, h.countyAdmin1.caller)).items).toHaveLength(0);
  });
});

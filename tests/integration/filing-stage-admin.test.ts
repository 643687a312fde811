import { TestApp } from '../support/harness';
import { seedFiling, submitComplete } from '../support/filing';

let app: TestApp;
beforeEach(() => {
  app = new TestApp();
});
afterEach(async () => {
  await app.close();
});

describe('a filing waiting at a unit without an admin', () => {
  test('reviewers are told the waiting unit has no admin, and it clears once one is issued there', async () => {
    const h = await seedFiling(app);
    const filed = await submitComplete(app, h.campaignId, h.collective.caller);
    expect(filed).toMatchObject({ stage: 3, stageUnitId: h.units.station.id, stageHasAdmin: true });

    await app.ok('admin', 'cancelAccount', { accountId: h.admin2.accountId, reason: '人员调动' }, h.office.caller);
    const passed = await app.ok('review', 'decide', { filingId: filed.id, version: filed.version, decision: 'passUp', comment: '同意上报' }, h.admin3.caller);
    expect(passed.filing).toMatchObject({ stage: 2, stageUnitId: h.units.bureau.id, stageUnitName: '岳阳市交通运输局', stageHasAdmin: false });
    expect((await app.ok('review', 'getFiling', { filingId: filed.id }, h.admin1.caller)).filing.stageHasAdmin).toBe(false);

    await app.ok('admin', 'createAccount', { unitId: h.units.bureau.id, role: 'admin', name: '交通运输局新任管理员' }, h.admin1.caller);
    expect((await app.ok('review', 'getFiling', { filingId: filed.id }, h.admin1.caller)).filing.stageHasAdmin).toBe(true);
  });

  test('nobody is awaited once the filing is decided', async () => {
    const h = await seedFiling(app);
    const filed = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    const approved = await app.ok('review', 'decide', { filingId: filed.id, version: filed.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    expect(approved.filing).toMatchObject({ stage: null, stageHasAdmin: null });
  });
});

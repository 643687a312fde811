import ExcelJS from 'exceljs';
import type { FilingDoc } from '../../cloudfunctions/app/collections/filing';
import { runDataUpgrades } from '../../cloudfunctions/app/jobs/data-upgrades';
import { addToCounts, countId, emptyCounts, FOLD_MARGIN_MS, readTallies, sumOfShards, unitShards } from '../../cloudfunctions/app/common/filing-counts';
import { transact } from '../../cloudfunctions/app/ports/transaction-retry';
import { foldFilingCounts } from '../../cloudfunctions/app/jobs/filing-rollups';
import { findAll, type Query, type Store } from '../../cloudfunctions/app/ports/store';
import type { DashboardRowView, DashboardView } from '../../shared/contract/management';
import { FILING_STATUSES } from '../../shared/domain/filing/status';
import { chinaWeekOf, SUBMITTED } from '../../shared/domain/filing/tally';
import { isWithin } from '../../shared/domain/unit-tree';
import type { Caller } from '../../cloudfunctions/app/context';
import { activate, TestApp, type SignedIn } from '../support/harness';
import { expectOutcome, matrixCases } from '../support/authorization';
import { seedFiling, submitComplete } from '../support/filing';

type World = Awaited<ReturnType<typeof seedFiling>>;
const DAY = 24 * 60;

/** A collective issued by `by` in `unitId`, signed in and ready to file. */
async function collectiveIn(app: TestApp, by: SignedIn, unitId: string, name: string): Promise<SignedIn> {
  const issued = await app.ok('admin', 'createAccount', { unitId, role: 'collective', name }, by.caller);
  return activate(app, issued.account.code, issued.oneTimePassword);
}

async function decide(app: TestApp, filing: { id: string; version: number }, decision: 'passUp' | 'sendBack' | 'approve' | 'return', caller: Caller) {
  return (await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision, comment: '审核意见' }, caller)).filing;
}

/** What the filings themselves hold for a unit's subtree: the figures the dashboard must show, counted here by reading every filing. */
async function recorded(app: TestApp, campaignId: string, unitPath: string) {
  const filings = (await findAll<FilingDoc>(app.store, 'filings', { where: { campaignId }, orderBy: { fields: ['updatedAt'], direction: 'asc' } })).filter((f) =>
    isWithin(unitPath, f.unitPath),
  );
  const submitted = filings.filter((f) => SUBMITTED[f.status]);
  const weeks = new Map<string, number>();
  for (const f of submitted) {
    const monday = chinaWeekOf(new Date(f.submittedAt as string));
    weeks.set(monday, (weeks.get(monday) ?? 0) + 1);
  }
  return {
    filed: submitted.length,
    approved: filings.filter((f) => f.status === 'approved').length,
    pastHolders: submitted.filter((f) => f.topTitle !== 'none').length,
    nonPublic: submitted.filter((f) => f.nonPublic).length,
    statusMix: Object.fromEntries(FILING_STATUSES.map((s) => [s, filings.filter((f) => f.status === s).length])),
    weeks: Object.fromEntries(weeks),
  };
}

const shown = (row: DashboardRowView) => ({ filed: row.filed, approved: row.approved, pastHolders: row.pastHolders, nonPublic: row.nonPublic });
const mixOf = (view: DashboardView) => Object.fromEntries(view.statusMix.map((s) => [s.status, s.count]));
const weeksOf = (view: DashboardView) => Object.fromEntries(view.weeks.filter((w) => w.count > 0).map((w) => [w.monday, w.count]));

describe('the quota dashboard', () => {
  let app: TestApp;
  let w: World;
  beforeEach(async () => {
    app = new TestApp();
    // The tests move the clock by days; sessions signed in at the start last through them.
    app.deps.config.sessionTtlHours = 24 * 60;
    w = await seedFiling(app);
  });
  afterEach(() => app.close());

  describe('who may open it', () => {
    type Who = 'office' | 'admin1' | 'admin1OtherBranch' | 'admin2' | 'admin3' | 'collective' | 'visitor';
    const callers = (who: Who): { caller: Caller; unitId?: string } => {
      switch (who) {
        case 'office': return { caller: w.office.caller };
        case 'admin1': return { caller: w.admin1.caller, unitId: w.units.transport.id };
        case 'admin1OtherBranch': return { caller: w.admin1.caller, unitId: w.units.county.id };
        case 'admin2': return { caller: w.admin2.caller };
        case 'admin3': return { caller: w.admin3.caller };
        case 'collective': return { caller: w.collective.caller };
        case 'visitor': return { caller: {} };
      }
    };
    const expectations: Record<Who, string> = {
      office: 'ok',
      admin1: 'ok',
      admin1OtherBranch: 'NOT_IN_SCOPE',
      admin2: 'FORBIDDEN',
      admin3: 'FORBIDDEN',
      collective: 'FORBIDDEN',
      visitor: 'UNAUTHENTICATED',
    };
    test.each(matrixCases<Who, string, { action: 'dashboard' | 'exportDashboard'; expect: Record<Who, string> }>([{ action: 'dashboard', expect: expectations }, { action: 'exportDashboard', expect: expectations }]))(
      '$action as $who: $outcome',
      async ({ action, who, outcome }) => {
        const { caller, unitId } = callers(who);
        await expectOutcome(app, () => app.call('management', action, { campaignId: w.campaignId, ...(unitId ? { unitId } : {}) }, caller), outcome);
      },
    );

    test('a level-2 admin is told in Chinese who may see it', async () => {
      const refused = await app.call('management', 'dashboard', { campaignId: w.campaignId }, w.admin2.caller);
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '报备进度看板仅向组委会办公室和一级管理员开放' } });
    });

    test('the office sees every level-1 unit of the quota table; a level-1 admin their own unit and its units below', async () => {
      const office = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
      expect(office.rows).toHaveLength(25);
      expect(office.rows.slice(0, 2).map((r) => [r.unitName, r.places, r.target])).toEqual([['交通', 2, 20], ['人社', 2, 20]]);
      expect(office.total).toMatchObject({ level: 0, targetSource: 'sum', target: 10 * (11 * 2 + 5 + 13 * 5) });
      const branch = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.admin1.caller);
      expect(branch.total).toMatchObject({ unitName: '交通', target: 20, targetSource: 'multiplier' });
      expect(branch.rows.map((r) => r.unitName)).toEqual(['岳阳市交通运输局']);
      expect(branch.parentUnitId).toBeNull();
      const deeper = await app.ok('management', 'dashboard', { campaignId: w.campaignId, unitId: w.units.bureau.id }, w.admin1.caller);
      expect(deeper).toMatchObject({ parentUnitId: w.units.transport.id, rows: [{ unitName: '城区公交站', target: null, progress: null }] });
    });
  });

  test('an empty campaign shows its units with nothing filed, no weeks, and the countdown to its close', async () => {
    const view = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
    expect(view.total).toMatchObject({ filed: 0, approved: 0, progress: 0, pastHolderShare: null, nonPublicShare: null, overdue: { level1: 0, level2: 0, level3: 0 } });
    expect(view.weeks).toEqual([]);
    expect(view.statusMix.every((s) => s.count === 0)).toBe(true);
    expect(view.countdown).toMatchObject({ state: 'open', now: app.clock.toISOString(), closesAt: expect.stringMatching(/T16:00:00\.000Z$/) });
  });

  /**
   * The job's fold as the timer runs it once the writes before it are older than the fold's margin (the
   * test's writes are milliseconds old; no transaction is under way while it runs, except where a test races one).
   */
  const fold = (store: Store = app.store) => foldFilingCounts({ store }, () => Date.now() + FOLD_MARGIN_MS);

  /** The office's totals, the statuses, the weeks and two of its rows, and a level-2 unit's, each equal to a scan of the filings. */
  async function expectFiguresEqualTheFilings() {
    const root = (await app.unitNamed('交通')).path.split('/').slice(0, 2).join('/') + '/';
    const office = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
    const all = await recorded(app, w.campaignId, root);
    expect(shown(office.total)).toEqual({ filed: all.filed, approved: all.approved, pastHolders: all.pastHolders, nonPublic: all.nonPublic });
    expect(mixOf(office)).toEqual(all.statusMix);
    expect(weeksOf(office)).toEqual(all.weeks);
    for (const unit of [w.units.transport, w.units.county]) {
      const row = office.rows.find((r) => r.unitId === unit.id) as DashboardRowView;
      const held = await recorded(app, w.campaignId, unit.path);
      expect(shown(row)).toEqual({ filed: held.filed, approved: held.approved, pastHolders: held.pastHolders, nonPublic: held.nonPublic });
    }
    const branch = await app.ok('management', 'dashboard', { campaignId: w.campaignId, unitId: w.units.bureau.id }, w.admin1.caller);
    const held = await recorded(app, w.campaignId, (await app.unitNamed('岳阳市交通运输局')).path);
    expect(shown(branch.total)).toEqual({ filed: held.filed, approved: held.approved, pastHolders: held.pastHolders, nonPublic: held.nonPublic });
    expect(mixOf(branch)).toEqual(held.statusMix);
    return office;
  }

  test.each([
    { folds: 'never folded', foldAt: [] as string[] },
    { folds: 'folded after the submits and again after the decisions', foldAt: ['submitted', 'decided'] },
    { folds: 'folded after every step', foldAt: ['submitted', 'decided', 'revoked', 'resubmitted'] },
  ])('figures equal what the filings hold after submits, decisions, a return, a resubmission a week later and a revocation ($folds)', async ({ foldAt }) => {
    const step = async (name: string) => {
      if (foldAt.includes(name)) await fold();
      await expectFiguresEqualTheFilings();
    };
    const more = await Promise.all([
      collectiveIn(app, w.admin1, w.units.station.id, '城区公交站二班'),
      collectiveIn(app, w.admin1, w.units.bureau.id, '运输局青年服务队'),
      collectiveIn(app, w.admin1, w.units.transport.id, '交通行业直属青年窗口'),
      collectiveIn(app, w.countyAdmin1, w.units.county.id, '岳阳县青年志愿服务社'),
    ]);
    const bus = await submitComplete(app, w.campaignId, w.collective.caller);
    const second = await submitComplete(app, w.campaignId, more[0].caller, { name: '城区公交站二班', nonPublic: 'yes', priorTitles: [] });
    const bureau = await submitComplete(app, w.campaignId, more[1].caller, { name: '运输局青年服务队', priorTitles: [] });
    await submitComplete(app, w.campaignId, more[2].caller, { name: '交通行业直属青年窗口', nonPublic: 'yes' });
    const hospital = await submitComplete(app, w.campaignId, w.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    await app.ok('filing', 'saveDraft', { campaignId: w.campaignId, content: { name: '岳阳县青年志愿服务社' } }, more[3].caller);
    await step('submitted');

    // Up the chain to 创建集体; one sent back and resubmitted the next week; one approved, then revoked.
    await decide(app, await decide(app, await decide(app, bus, 'passUp', w.admin3.caller), 'passUp', w.admin2.caller), 'approve', w.admin1.caller);
    await decide(app, second, 'sendBack', w.admin3.caller);
    await decide(app, await decide(app, bureau, 'passUp', w.admin2.caller), 'approve', w.admin1.caller);
    const approved = await decide(app, hospital, 'approve', w.countyAdmin1.caller);
    await step('decided');
    const { revocation } = await app.ok('review', 'requestRevocation', { filingId: approved.id, reasons: '发生重大责任事故' }, w.countyAdmin1.caller);
    await app.ok('review', 'decideRevocation', { revocationId: revocation.id, approve: true, comment: '经核实，同意取消' }, w.office.caller);
    await step('revoked');
    app.advance(7 * DAY);
    await submitComplete(app, w.campaignId, more[0].caller, { name: '城区公交站二班', nonPublic: 'yes', priorTitles: [] });
    await step('resubmitted');

    const office = await expectFiguresEqualTheFilings();
    expect(shown(office.total)).toEqual({ filed: 4, approved: 2, pastHolders: 2, nonPublic: 2 });
    expect(office.weeks).toHaveLength(2);
    const transport = office.rows.find((r) => r.unitId === w.units.transport.id) as DashboardRowView;
    expect(transport).toMatchObject({ filed: 4, target: 20, progress: 0.2, pastHolderShare: 0.5, nonPublicShare: 0.5 });
    expect(office.rows.find((r) => r.unitId === w.units.county.id)).toMatchObject({ filed: 0, approved: 0 });
    const exported = await app.ok('management', 'exportDashboard', { campaignId: w.campaignId }, w.office.caller);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(3 + exported.rows + 1).getCell(7).value).toBe(4);
  });

  test('a filing that lands while the job folds its unit’s counters is in the figures, before and after the next fold', async () => {
    const bus = await submitComplete(app, w.campaignId, w.collective.caller);
    await fold();
    // The fold reads the county's shards, then a county filing is submitted and the bus filing decided before it writes the roll-up.
    let raced = false;
    const racing = new Proxy(app.store, {
      get(store, name) {
        if (name !== 'find') return Reflect.get(store, name, store) as unknown;
        return async (collection: string, query: Query) => {
          const page = await store.find(collection, query);
          if (collection === 'filingCounts' && query.where?.unitId === w.units.county.id && !raced) {
            raced = true;
            await submitComplete(app, w.campaignId, w.countyCollective.caller, { name: '岳阳县人民医院青年护理组', nonPublic: 'yes' });
            await decide(app, bus, 'passUp', w.admin3.caller);
          }
          return page;
        };
      },
    });
    const county = await collectiveIn(app, w.countyAdmin1, w.units.county.id, '岳阳县青年志愿服务社');
    await app.ok('filing', 'saveDraft', { campaignId: w.campaignId, content: { name: '岳阳县青年志愿服务社' } }, county.caller);
    await fold(racing);
    expect(raced).toBe(true);
    const office = await expectFiguresEqualTheFilings();
    expect(shown(office.total)).toEqual({ filed: 2, approved: 0, pastHolders: 2, nonPublic: 1 });
    expect(office.rows.find((r) => r.unitId === w.units.county.id)).toMatchObject({ filed: 1 });
    expect(mixOf(office)).toMatchObject({ draft: 1, filed: 1, reviewing: 1 });
    await fold();
    await expectFiguresEqualTheFilings();
  });

  test('a counter shard written again after a fold counts with its current values instead of those folded, even while another fold is half done', async () => {
    const unit = w.units.county;
    const add = (change: Record<string, number>, shard: number) => transact(app.store, (tx) => addToCounts(tx, w.campaignId, unit.path, change, shard));
    const read = async () => (await readTallies(app.store, w.campaignId, [unit.id])).get(unit.id);
    await add({ filed: 2, w20170102: 2, nonPublic: 1 }, 5);
    await add({ filed: 1, w20170109: 1 }, 6);
    await fold();
    await add({ filed: -1, reviewing: 1 }, 5);
    await add({ approved: 1 }, 7);
    const expected = { ...emptyCounts(), filed: 2, reviewing: 1, approved: 1, w20170102: 2, w20170109: 1, nonPublic: 1 };
    expect(await read()).toEqual(expected);
    // A fold that wrote shard 5's copy and not yet the roll-up naming it: the unit is read from its shards.
    await app.store.update('filingFoldedShards', countId(w.campaignId, unit.id, 5), { set: { version: 2, tally: { ...emptyCounts(), filed: 1, reviewing: 1 } } });
    expect(await read()).toEqual(expected);
    await fold();
    expect(await read()).toEqual(expected);
    expect(sumOfShards(await unitShards(app.store, w.campaignId, unit.id))).toEqual(expected);
  });

  test('a fold with nothing written since the last one writes no roll-up', async () => {
    await submitComplete(app, w.campaignId, w.collective.caller);
    // A shard stamped in the very millisecond of a fold's mark counts as written since it, and is folded again.
    const now = Date.now();
    while (Date.now() === now) await new Promise((resolve) => setImmediate(resolve));
    // The filing moved the counters of the root, 交通, the bureau and the station.
    expect(await fold()).toBe(4);
    expect(await fold()).toBe(0);
    await submitComplete(app, w.campaignId, w.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    expect(await fold()).toBe(2);
  });

  test('filings waiting longer than the chosen days are counted by the admin level they wait for, and leave the count when decided', async () => {
    const bus = await submitComplete(app, w.campaignId, w.collective.caller);
    const hospital = await submitComplete(app, w.campaignId, w.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    app.advance(3 * DAY);
    const passed = await decide(app, bus, 'passUp', w.admin3.caller);
    app.advance(5 * DAY - 1);
    const overdue = async (days: number) => (await app.ok('management', 'dashboard', { campaignId: w.campaignId, overdueDays: days }, w.office.caller));
    // At 8 days less a minute: the hospital has waited at level 1 since the start, the bus filing at level 2 for 5 days less a minute.
    let view = await overdue(7);
    expect(view.total.overdue).toEqual({ level1: 1, level2: 0, level3: 0 });
    expect(view.rows.find((r) => r.unitId === w.units.county.id)?.overdue).toEqual({ level1: 1, level2: 0, level3: 0 });
    view = await overdue(4);
    expect(view.total.overdue).toEqual({ level1: 1, level2: 1, level3: 0 });
    expect(view.rows.find((r) => r.unitId === w.units.transport.id)?.overdue).toEqual({ level1: 0, level2: 1, level3: 0 });
    app.advance(1);
    expect((await overdue(5)).total.overdue).toEqual({ level1: 1, level2: 0, level3: 0 });
    await decide(app, hospital, 'approve', w.countyAdmin1.caller);
    await decide(app, passed, 'passUp', w.admin2.caller);
    expect((await overdue(1)).total.overdue).toEqual({ level1: 0, level2: 0, level3: 0 });
  });

  test('the target follows the campaign’s multiple, and a quota table that states the number wins', async () => {
    const campaign = (await app.ok('campaign', 'listCampaigns', {}, w.office.caller)).items[0];
    const r = campaign.rules;
    const rules = {
      filingOpens: r.window.opens, filingClosesBefore: r.window.closesBefore, minMembers: r.conditions.minMembers, maxMembers: r.conditions.maxMembers,
      minShareUnder35: r.conditions.minShareUnder35, maxLeaderAge: r.conditions.maxLeaderAge, eligibility: 'none', reminderDaysBefore: r.reminderDaysBefore,
    };
    expect(r.targetMultiplier).toBe(10);
    await app.ok('campaign', 'updateCampaign', { campaignId: campaign.id, version: campaign.version, rules: { ...rules, targetMultiplier: 1.5 } }, w.office.caller);
    const csv = ['单位名称,基数,应完成网络创建数', '交通,4,', '岳阳县,5,40'].join('\n');
    await app.ok('campaign', 'importQuotas', { campaignId: campaign.id, fileName: 'quota.csv', content: Buffer.from(csv).toString('base64') }, w.office.caller);
    const view = await app.ok('management', 'dashboard', { campaignId: campaign.id }, w.office.caller);
    expect(view.campaign.rules.targetMultiplier).toBe(1.5);
    expect(view.rows.find((x) => x.unitName === '交通')).toMatchObject({ base: 4, target: 6, targetSource: 'multiplier' });
    expect(view.rows.find((x) => x.unitName === '岳阳县')).toMatchObject({ base: 5, target: 40, targetSource: 'table' });
    expect(view.rows.find((x) => x.unitName === '人社')).toMatchObject({ places: 2, target: 3 });
    const refused = await app.call('campaign', 'updateCampaign', { campaignId: campaign.id, version: campaign.version + 1, rules: { ...rules, targetMultiplier: 0.5 } }, w.office.caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'rules.targetMultiplier': '报备目标倍数：不能小于1' } } });
  });

  test('filings counted before the dashboard existed are brought into its figures once, by the data upgrade', async () => {
    await submitComplete(app, w.campaignId, w.collective.caller, { nonPublic: 'yes' });
    const filing = (await findAll<FilingDoc>(app.store, 'filings', { where: { campaignId: w.campaignId }, orderBy: { fields: ['updatedAt'], direction: 'asc' } }))[0];
    // As an older version left it: counted by status only, unmarked.
    await app.store.remove('filings', filing.id);
    const { tallied: _t, ...legacy } = filing;
    void _t;
    await app.store.insert('filings', legacy);
    for (const shard of await findAll<{ id: string; pastHolders?: number }>(app.store, 'filingCounts', { where: { campaignId: w.campaignId }, orderBy: { fields: ['unitId'], direction: 'asc' } })) {
      const fields = Object.keys(shard).filter((k) => k === 'pastHolders' || k === 'nonPublic' || /^w\d{8}$/.test(k));
      await app.store.update('filingCounts', shard.id, { set: Object.fromEntries(fields.map((k) => [k, 0])) });
    }
    const before = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
    expect(shown(before.total)).toEqual({ filed: 1, approved: 0, pastHolders: 0, nonPublic: 0 });

    await runDataUpgrades(app.deps);
    await runDataUpgrades(app.deps);
    const after = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
    expect(shown(after.total)).toEqual({ filed: 1, approved: 0, pastHolders: 1, nonPublic: 1 });
    expect(after.weeks).toHaveLength(1);
    // A decision afterwards moves the whole tally: nothing goes negative.
    const upgraded = (await app.store.get<FilingDoc>('filings', filing.id)) as FilingDoc;
    expect(upgraded).toMatchObject({ tallied: 2, version: filing.version + 1 });
    await decide(app, upgraded, 'passUp', w.admin3.caller);
    const decided = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
    expect(shown(decided.total)).toEqual({ filed: 1, approved: 0, pastHolders: 1, nonPublic: 1 });
    expect(mixOf(decided)).toMatchObject({ filed: 0, reviewing: 1 });
  });

  test('the export is the table: a row per unit shown, then the total, with the campaign’s name and the overdue days in the headings', async () => {
    await submitComplete(app, w.campaignId, w.collective.caller);
    const exported = await app.ok('management', 'exportDashboard', { campaignId: w.campaignId, overdueDays: 10 }, w.office.caller);
    expect(exported.fileName).toMatch(/^报备进度表-.+-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(exported.rows).toBe(25);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell(1, 1).text).toContain('报备进度表');
    const headings = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headings).toEqual(expect.arrayContaining(['单位', '报备目标', '报备数', '创建集体数', '完成率（%）', '超10天待一级审核']));
    expect((sheet.getRow(4).values as unknown[]).slice(1, 9)).toEqual([1, '交通', '行业', 2, 20, '基数×倍数', 1, 0]);
    expect(sheet.getRow(4).getCell(9).value).toBe(5);
    expect(sheet.getRow(3 + 25 + 1).getCell(1).value).toBe('合计');
    expect(sheet.getRow(3 + 25 + 1).getCell(7).value).toBe(1);
  });
});

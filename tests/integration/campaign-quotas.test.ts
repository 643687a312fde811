import ExcelJS from 'exceljs';
import { TestApp } from '../support/harness';
import { seedFiling, submitComplete } from '../support/filing';
import { remindUnfinishedFilings } from '../../cloudfunctions/app/jobs/filing-reminders';
import { JOBS } from '../../cloudfunctions/app/jobs';
import national from '../fixtures/quotas-national-2017-2018.json';

let app: TestApp;
beforeEach(() => {
  app = new TestApp();
});
afterEach(async () => {
  await app.close();
});

const nationalRules = {
  filingOpens: '2015-10-01',
  filingClosesBefore: '2017-09-30',
  minMembers: 6,
  maxMembers: 200,
  minShareUnder35: 0.5,
  maxLeaderAge: 40,
  eligibility: 'priorTitle',
  titleBefore: '2017-09-30',
  provincialSinceYear: 2016,
};

describe('campaigns and their rules', () => {
  test('the office creates a campaign with the national window and eligibility; collectives are held to it', async () => {
    const h = await seedFiling(app);
    app.clock = new Date('2017-09-29T12:00:00+08:00');
    const office = { token: (await app.ok('account', 'signIn', { code: h.office.code, password: h.office.password })).token };
    const collective = { token: (await app.ok('account', 'signIn', { code: h.countyCollective.code, password: h.countyCollective.password })).token };
    const { campaign } = await app.ok('campaign', 'createCampaign', { name: '2017—2018年度全国青年文明号', level: 'national', term: '2017—2018', rules: nationalRules }, office);
    expect(campaign).toMatchObject({ windowState: 'open', windowText: expect.stringContaining('2017-09-29') });
    const refused = await app.call('filing', 'submit', { campaignId: campaign.id, content: (await import('../support/filing')).completeContent() }, collective);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILING_INCOMPLETE', fields: { priorTitles: expect.stringContaining('2017-09-30') } } });
    const ok = await submitComplete(app, campaign.id, collective, { priorTitles: [{ level: 'provincial', year: 2016, kind: 'recertified' }] });
    expect(ok.checks.find((c) => c.key === 'eligibility')).toMatchObject({ ok: true });
  });

  test('a rule change on a stale version is refused with CONFLICT', async () => {
    const h = await seedFiling(app);
    const { items } = await app.ok('campaign', 'listCampaigns', {}, h.office.caller);
    const demo = items[0];
    const rules = { ...nationalRules, eligibility: 'none', filingOpens: '2018-11-13', filingClosesBefore: '2019-01-20', minMembers: 8 };
    const updated = await app.ok('campaign', 'updateCampaign', { campaignId: demo.id, version: demo.version, rules }, h.office.caller);
    expect(updated.campaign.rules.conditions.minMembers).toBe(8);
    const before = await app.snapshot();
    const stale = await app.call('campaign', 'updateCampaign', { campaignId: demo.id, version: demo.version, rules }, h.office.caller);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('quota tables', () => {
  test('the national table imports from csv as written (公安 100 and 100); rows naming no unit are reported', async () => {
    const h = await seedFiling(app);
    const csv = ['序号,省份,基数,应完成网络创建数', ...national.rows.map((r) => `${r.seq},${r.sub ?? r.name},${r.base},${r.requiredFilings}`)].join('\n');
    const campaignId = h.campaignId;
    const result = await app.ok('campaign', 'importQuotas', { campaignId, fileName: 'national.csv', content: Buffer.from(csv).toString('base64') }, h.office.caller);
    // The demo's Yueyang units share some names with the national table (公安, 税务…); the rest are reported.
    const quotas = await app.ok('campaign', 'listQuotas', { campaignId }, h.office.caller);
    const police = quotas.items.find((q) => q.unitName.replace(/\s/g, '') === '公安');
    expect(police).toMatchObject({ base: 100, requiredFilings: 100 });
    expect(result.imported).toBeGreaterThan(0);
    expect(result.unmatched.length).toBe(national.rows.length - result.imported);
  });

  test('an xlsx quota table is read, and the listing counts filed and approved collectives per unit', async () => {
    const h = await seedFiling(app);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名额');
    sheet.addRow(['行业', '创建集体名额数量', '县市区', '创建集体名额数量']);
    sheet.addRow(['交 通', 3, '岳阳县', 6]);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const result = await app.ok('campaign', 'importQuotas', { campaignId: h.campaignId, fileName: '名额.xlsx', content }, h.office.caller);
    expect(result).toEqual({ imported: 2, unmatched: [] });
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    await submitComplete(app, h.campaignId, h.collective.caller);
    const office = await app.ok('campaign', 'listQuotas', { campaignId: h.campaignId }, h.office.caller);
    expect(office.items.find((q) => q.unitName === '岳阳县')).toMatchObject({ places: 6, filed: 1, approved: 1 });
    expect(office.items.find((q) => q.unitName === '交通')).toMatchObject({ places: 3, filed: 1, approved: 0 });
    const branch = await app.ok('campaign', 'listQuotas', { campaignId: h.campaignId }, h.admin3.caller);
    expect(branch.items.map((q) => q.unitName)).toEqual(['交通']);
  });

  test('a file without a quota column is refused and changes nothing', async () => {
    const h = await seedFiling(app);
    const before = await app.snapshot();
    const result = await app.call('campaign', 'importQuotas', { campaignId: h.campaignId, fileName: 'x.csv', content: Buffer.from('a,b\n1,2').toString('base64') }, h.office.caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'QUOTA_FILE_INVALID' } });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('exports', () => {
  test('the filing statistics sheet (附件3) lists the subtree’s filed collectives with the notice’s columns', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.collective.caller);
    await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    const exported = await app.ok('review', 'exportStatistics', { campaignId: h.campaignId }, h.admin1.caller);
    expect(exported.rows).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(3).values).toEqual([
      undefined, '序号', '创建集体名称', '创建集体成立时间', '职工总数', '40岁以下青年人数', '何年被授予县（市）区级青年文明号称号', '联系人及职务', '联系电话和微信号', '备注',
    ]);
    expect(sheet.getRow(4).values).toEqual([
      undefined, 1, '岳阳市公交一路青年班组', '2010-05-04', 30, 10, '2016', '李明 班组长', '0730-8889464 微信：yy_bus_1', '已报备，待初审',
    ]);
    expect(String(sheet.getCell(2, 1).value)).toContain('填报单位（盖章）：交通');
  });
});

describe('reminders before the window closes', () => {
  test('collectives with unfinished drafts are reminded once, 3 days before the close, however often the job runs', async () => {
    const h = await seedFiling(app);
    await app.ok('filing', 'saveDraft', { campaignId: h.campaignId, content: { name: '草稿' } }, h.collective.caller);
    await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    app.clock = new Date('2019-01-16T23:00:00+08:00');
    expect(await remindUnfinishedFilings(app.deps)).toBe(0);
    app.clock = new Date('2019-01-17T00:00:00+08:00');
    expect(await remindUnfinishedFilings(app.deps)).toBe(1);
    await JOBS.filingReminders.run(app.deps);
    expect(await remindUnfinishedFilings(app.deps)).toBe(0);
    const reminders = (await app.mailbox()).filter((m) => m.subject.startsWith('[filingReminder]'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ to: expect.stringContaining(h.collective.accountId), text: expect.stringContaining('2019-01-19 24时') });
  });
});

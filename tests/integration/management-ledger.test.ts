import type { Caller } from '../../cloudfunctions/app/context';
import { FIVE_ONES, type FiveOne } from '../../shared/domain/management/five-ones';
import { TestApp } from '../support/harness';
import { expectOutcome } from '../support/authorization';
import { seedFiling } from '../support/filing';

type World = Awaited<ReturnType<typeof seedFiling>>;

const entry = (campaignId: string, kind: FiveOne, overrides: Record<string, unknown> = {}) => ({
  campaignId,
  kind,
  date: '2018-11-25',
  title: '青年文明号创建工作推进会',
  place: '岳阳市交通运输局三楼会议室',
  participants: 42,
  summary: '部署本届青年文明号创建工作，明确报备、培训和开放周的时间安排。',
  ...overrides,
});

describe('the 五个一 ledger', () => {
  let app: TestApp;
  let w: World;
  beforeEach(async () => {
    app = new TestApp();
    w = await seedFiling(app);
  });
  afterEach(() => app.close());

  const record = (caller: Caller, kind: FiveOne, overrides: Record<string, unknown> = {}) =>
    app.ok('management', 'recordLedgerEntry', entry(w.campaignId, kind, overrides), caller);

  test('a level-2 unit records a meeting in its own ledger; its level-1 unit sees it but may not remove it', async () => {
    const { entry: recorded } = await record(w.admin2.caller, 'meeting');
    expect(recorded).toMatchObject({ unitId: w.units.bureau.id, term: '2017—2018', kindLabel: '专题会议', participants: 42, mine: true });

    const own = await app.ok('management', 'listLedger', { campaignId: w.campaignId }, w.admin2.caller);
    expect(own).toMatchObject({ unitName: '岳阳市交通运输局', fiveOnes: { done: 1, missing: ['training', 'inspection', 'themeActivity', 'liaisonPlatform'] } });
    expect(own.items.map((e) => e.title)).toEqual(['青年文明号创建工作推进会']);

    const fromAbove = await app.ok('management', 'listLedger', { campaignId: w.campaignId, unitId: w.units.bureau.id }, w.admin1.caller);
    expect(fromAbove.items).toEqual([{ ...recorded, mine: false }]);
    await expectOutcome(app, () => app.call('management', 'removeLedgerEntry', { entryId: recorded.id }, w.admin1.caller), 'FORBIDDEN');
  });

  test('another branch, a collective and the public cannot read a unit’s ledger, and nothing changes', async () => {
    const { entry: recorded } = await record(w.admin2.caller, 'training');
    const list = { campaignId: w.campaignId, unitId: w.units.bureau.id };
    await expectOutcome(app, () => app.call('management', 'listLedger', list, w.countyAdmin1.caller), 'NOT_IN_SCOPE');
    await expectOutcome(app, () => app.call('management', 'listLedger', list, w.collective.caller), 'FORBIDDEN');
    await expectOutcome(app, () => app.call('management', 'listLedger', list, {}), 'UNAUTHENTICATED');
    await expectOutcome(app, () => app.call('management', 'removeLedgerEntry', { entryId: recorded.id }, w.countyAdmin1.caller), 'NOT_IN_SCOPE');
    await expectOutcome(app, () => app.call('management', 'recordLedgerEntry', entry(w.campaignId, 'meeting'), w.collective.caller), 'FORBIDDEN');
  });

  test('each of the five recorded at least once completes the unit’s term, shown on the dashboard for the unit and its parent', async () => {
    for (const kind of FIVE_ONES) await record(w.admin1.caller, kind, { title: `交通行业${kind}` });
    await record(w.admin1.caller, 'meeting', { title: '第二次专题会议', date: '2018-12-20' });
    await record(w.admin2.caller, 'inspection');

    const office = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.office.caller);
    expect(office.rows.find((r) => r.unitId === w.units.transport.id)?.fiveOnes).toEqual({ done: 5, missing: [] });
    expect(office.rows.find((r) => r.unitId === w.units.county.id)?.fiveOnes).toEqual({ done: 0, missing: [...FIVE_ONES] });
    const branch = await app.ok('management', 'dashboard', { campaignId: w.campaignId }, w.admin1.caller);
    expect(branch.total.fiveOnes).toEqual({ done: 5, missing: [] });
    expect(branch.rows[0].fiveOnes).toEqual({ done: 1, missing: ['meeting', 'training', 'themeActivity', 'liaisonPlatform'] });

    const ledger = await app.ok('management', 'listLedger', { campaignId: w.campaignId, limit: 3 }, w.admin1.caller);
    expect(ledger.fiveOnes.counts).toEqual({ meeting: 2, training: 1, inspection: 1, themeActivity: 1, liaisonPlatform: 1 });
    expect(ledger.items[0].title).toBe('第二次专题会议');
    expect(ledger.nextCursor).not.toBeNull();
  });

  test('removing an entry takes it out of the count and the audit log keeps both steps', async () => {
    const { entry: recorded } = await record(w.admin2.caller, 'themeActivity');
    await app.ok('management', 'removeLedgerEntry', { entryId: recorded.id }, w.admin2.caller);
    const ledger = await app.ok('management', 'listLedger', { campaignId: w.campaignId }, w.admin2.caller);
    expect(ledger).toMatchObject({ items: [], fiveOnes: { done: 0 } });
    const trail = await app.ok('admin', 'listAudit', { objectId: recorded.id }, w.admin1.caller);
    expect(trail.items.map((a) => a.action).sort()).toEqual(['management.recordLedgerEntry', 'management.removeLedgerEntry']);
    const again = await app.call('management', 'removeLedgerEntry', { entryId: recorded.id }, w.admin2.caller);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该记录' } });
  });

  test('an entry missing its summary or with an impossible date is refused naming the field, and nothing is kept', async () => {
    const before = await app.snapshot();
    const short = await app.call('management', 'recordLedgerEntry', entry(w.campaignId, 'meeting', { summary: '开会' }), w.admin2.caller);
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { summary: '内容摘要：至少10个字' } } });
    const date = await app.call('management', 'recordLedgerEntry', entry(w.campaignId, 'meeting', { date: '2018-02-30' }), w.admin2.caller);
    expect(date).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { date: '日期：请按 2018-05-04 的格式填写' } } });
    expect(await app.snapshot()).toEqual(before);
  });

  describe('attachments', () => {
    /** A real 1×1 PNG, and the smallest shape of a PDF: what their first bytes say is what is checked. */
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');
    const upload = (caller: Caller, fileName: string, contentType: 'image/png' | 'application/pdf', base64: string) =>
      app.call('management', 'uploadLedgerAttachment', { fileName, contentType, base64 }, caller);

    test('a photo and a PDF uploaded for the unit’s ledger are kept with the entry and shown with it', async () => {
      const photo = await upload(w.admin2.caller, '推进会现场.png', 'image/png', PNG);
      const notes = await upload(w.admin2.caller, '会议纪要.pdf', 'application/pdf', PDF);
      if (!photo.ok || !notes.ok) throw new Error('uploads refused');
      expect(notes.data.attachment).toMatchObject({ name: '会议纪要.pdf', contentType: 'application/pdf', url: expect.stringMatching(/\.pdf$/) });
      await record(w.admin2.caller, 'meeting', { attachments: [photo.data.attachment, notes.data.attachment] });
      const ledger = await app.ok('management', 'listLedger', { campaignId: w.campaignId, unitId: w.units.bureau.id }, w.admin1.caller);
      expect(ledger.items[0].attachments).toEqual([photo.data.attachment, notes.data.attachment]);
    });

    test('a file that is not the PDF it claims is refused naming the field', async () => {
      const fake = await upload(w.admin2.caller, '纪要.pdf', 'application/pdf', Buffer.from('<html>not a pdf at all</html>').toString('base64'));
      expect(fake).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_INVALID', fields: { base64: '附件：请上传 JPEG、PNG 图片或 PDF 文件' } } });
    });

    test('an entry may not name an address of its own, nor another unit’s upload, and nothing is kept', async () => {
      const theirs = await upload(w.countyAdmin1.caller, '县里的照片.png', 'image/png', PNG);
      if (!theirs.ok) throw new Error('upload refused');
      for (const attachment of [{ url: 'https://example.com/a.png', name: '外链.png', contentType: 'image/png' }, theirs.data.attachment]) {
        await expectOutcome(app, () => app.call('management', 'recordLedgerEntry', entry(w.campaignId, 'meeting', { attachments: [attachment] }), w.admin2.caller), 'ATTACHMENT_NOT_UPLOADED');
      }
    });
  });
});

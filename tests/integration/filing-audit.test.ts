import type { Caller } from '../../cloudfunctions/app/context';
import { TestApp } from '../support/harness';
import { completeContent, seedFiling } from '../support/filing';

let app: TestApp;

/** The records about one filing, newest first, as an admin reads the log. */
async function recordsOf(filingId: string, reader: Caller) {
  const { items } = await app.ok('admin', 'listAudit', { limit: 50 }, reader);
  return items.filter((i) => i.objectId === filingId);
}
beforeEach(() => {
  app = new TestApp();
});
afterEach(async () => {
  await app.close();
});

/** The audit log keeps what people decide, with their names, not every autosave of a form. */
describe('the audit log of a filing', () => {
  test('saving a draft again and again leaves one record of starting it; the submit is recorded', async () => {
    const h = await seedFiling(app);
    for (const name of ['岳', '岳阳', '岳阳市公交', '岳阳市公交一路青年班组']) {
      await app.ok('filing', 'saveDraft', { campaignId: h.campaignId, content: { name } }, h.collective.caller);
    }
    const filing = await app.ok('filing', 'submit', { campaignId: h.campaignId, content: completeContent() }, h.collective.caller);

    const log = await recordsOf(filing.filing.id, h.admin1.caller);
    expect(log.map((i) => i.summary)).toEqual(['提交报备', '开始填写报备']);
  });

  test('a refused submit of an existing draft keeps the content without a record; one on a new filing records its start', async () => {
    const h = await seedFiling(app);
    const refused = await app.call('filing', 'submit', { campaignId: h.campaignId, content: { name: '岳阳市公交一路青年班组' } }, h.collective.caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILING_INCOMPLETE' } });
    await app.call('filing', 'submit', { campaignId: h.campaignId, content: { name: '岳阳市公交一路青年班组', leaderName: '李明' } }, h.collective.caller);

    const mine = await app.ok('filing', 'getMine', {}, h.collective.caller);
    expect(mine.filing?.content.leaderName).toBe('李明');
    const log = await recordsOf(mine.filing?.id ?? '', h.admin1.caller);
    expect(log.map((i) => i.summary)).toEqual(['开始填写报备']);
  });

  test('each record names who acted: the collective that submitted, the reviewer who decided', async () => {
    const h = await seedFiling(app);
    const submitted = await app.ok('filing', 'submit', { campaignId: h.campaignId, content: completeContent() }, h.countyCollective.caller);
    await app.ok('review', 'decide', { filingId: submitted.filing.id, version: submitted.filing.version, decision: 'return', comment: '请补充先进事迹' }, h.countyAdmin1.caller);

    const log = await recordsOf(submitted.filing.id, h.office.caller);
    const countyAdmin = await app.ok('admin', 'getAccount', { accountId: h.countyAdmin1.accountId }, h.office.caller);
    expect(log.map((i) => [i.summary, i.actorName])).toEqual([
      ['审核退回', countyAdmin.account.name],
      ['提交报备', '岳阳县人民医院青年护理组'],
    ]);
  });
});

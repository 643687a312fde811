import type { PublicPageDoc } from '../../cloudfunctions/app/collections/evaluation';
import type { CollectiveDoc, FilingDoc } from '../../cloudfunctions/app/collections/filing';
import { activate, TestApp } from '../support/harness';
import { eventFields } from '../support/openweek';
import { expectOutcome } from '../support/authorization';
import { completeContent, seedFiling, submitComplete } from '../support/filing';

let app: TestApp;
beforeEach(() => {
  app = new TestApp();
});
afterEach(async () => {
  await app.close();
});

describe('a collective files for the term', () => {
  test('a partial draft saves, and a collective sees only its own filing', async () => {
    const h = await seedFiling(app);
    const saved = await app.ok('filing', 'saveDraft', { campaignId: h.campaignId, content: { name: '岳阳市公交一路青年班组', leaderAge: 'abc' } }, h.collective.caller);
    expect(saved.filing).toMatchObject({ status: 'draft', content: { leaderAge: 'abc' } });
    const mine = await app.ok('filing', 'getMine', {}, h.collective.caller);
    expect(mine.filing?.id).toBe(saved.filing.id);
    const theirs = await app.ok('filing', 'getMine', {}, h.countyCollective.caller);
    expect(theirs.filing).toBeNull();
    expect(theirs.collective.name).toBe('岳阳县人民医院青年护理组');
  });

  test('submit lists every missing or invalid field at once and keeps what was typed as the draft', async () => {
    const h = await seedFiling(app);
    const content = { ...completeContent(), leaderName: '', postcode: '41400', achievements: '太短', memberCount: '4' };
    const refused = await app.call('filing', 'submit', { campaignId: h.campaignId, content }, h.collective.caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILING_INCOMPLETE' } });
    if (refused.ok) return;
    expect(Object.keys(refused.error.fields ?? {}).sort()).toEqual(['achievements', 'leaderName', 'memberCount', 'membersUnder40', 'postcode']);
    expect(refused.error.fields?.leaderName).toBe('负责人：请填写');
    expect(refused.error.fields?.memberCount).toContain('6至200人');
    const mine = await app.ok('filing', 'getMine', {}, h.collective.caller);
    expect(mine.filing).toMatchObject({ status: 'draft', content: { achievements: '太短', postcode: '41400' } });
  });

  test('eligibility and basic conditions are checked at submit with a clear reason', async () => {
    const h = await seedFiling(app);
    const refused = await app.call('filing', 'submit', { campaignId: h.campaignId, content: completeContent({ leaderAge: '45', membersUnder35: '3' }) }, h.collective.caller);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FILING_INCOMPLETE', fields: { leaderAge: expect.stringContaining('40周岁以下'), membersUnder35: expect.stringContaining('50%') } },
    });
  });

  test('a filing goes 3 → 2 → 1, is returned with feedback, resubmitted and approved; every opinion is kept', async () => {
    const h = await seedFiling(app);
    let filing = await submitComplete(app, h.campaignId, h.collective.caller);
    expect(filing).toMatchObject({ status: 'filed', stage: 3, stageUnitName: '城区公交站' });

    const decide = async (caller: typeof h.admin1.caller, decision: string, comment: string) =>
      (filing = (await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision, comment }, caller)).filing);
    await decide(h.admin3.caller, 'passUp', '情况属实，同意报送');
    expect(filing).toMatchObject({ status: 'reviewing', stage: 2 });
    await decide(h.admin2.caller, 'passUp', '同意');
    expect(filing).toMatchObject({ status: 'reviewing', stage: 1 });
    await decide(h.admin1.caller, 'return', '请补充创建计划的进度安排');
    expect(filing).toMatchObject({ status: 'returned', stage: null, feedback: '请补充创建计划的进度安排' });

    const seen = await app.ok('filing', 'getMine', {}, h.collective.caller);
    expect(seen.filing?.feedback).toBe('请补充创建计划的进度安排');
    filing = await submitComplete(app, h.campaignId, h.collective.caller, { schedule: '一季度培训，二季度开放周，三季度自评互评，四季度总结。' });
    expect(filing).toMatchObject({ status: 'filed', stage: 3, feedback: null });

    await decide(h.admin3.caller, 'passUp', '已补充');
    await decide(h.admin2.caller, 'passUp', '同意');
    await decide(h.admin1.caller, 'approve', '同意列为创建集体');
    expect(filing.status).toBe('approved');
    filing = (await app.ok('review', 'recordOfficeOpinion', { filingId: filing.id, version: filing.version, comment: '同意' }, h.office.caller)).filing;

    expect(filing.opinions.map((o) => [o.level, o.box, o.decision])).toEqual([
      [3, 'supervisor', 'passUp'],
      [2, 'supervisor', 'passUp'],
      [1, 'branch', 'return'],
      [3, 'supervisor', 'passUp'],
      [2, 'supervisor', 'passUp'],
      [1, 'branch', 'approve'],
      [0, 'office', 'endorse'],
    ]);
    expect(filing.opinions[2]).toMatchObject({ authorCode: h.admin1.code, unitName: '交通', comment: '请补充创建计划的进度安排' });
    const mine = await app.ok('filing', 'getMine', {}, h.collective.caller);
    expect(mine.filing).toMatchObject({ status: 'approved', statusLabel: '已通过，为创建集体' });
    expect(mine.filing?.history.map((x) => x.action)).toContain('review.approve');
    const mailbox = await app.mailbox();
    expect(mailbox.filter((m) => m.subject.startsWith('[filingDecision]') && m.to.includes(h.collective.accountId))).toHaveLength(6);
  });

  test('a collective at a level-1 unit is decided by its level-1 admin directly', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    expect(filing).toMatchObject({ stage: 1, stageUnitName: '岳阳县' });
    const approved = await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    expect(approved.filing.status).toBe('approved');
  });

  test('one filing per term: an approved filing cannot be filed again', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.countyCollective.caller ? h.campaignId : '', h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    const again = await app.call('filing', 'submit', { campaignId: h.campaignId, content: completeContent() }, h.countyCollective.caller);
    expect(again).toMatchObject({ ok: false, error: { code: 'FILING_NOT_EDITABLE' } });
    expect(await app.store.count('filings')).toBe(1);
  });
});

describe('the filing window in China time', () => {
  test('submit is refused from 00:00 China time on the closing day; reviewers still decide', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    await app.ok('filing', 'saveDraft', { campaignId: h.campaignId, content: { name: '草稿' } }, h.collective.caller);

    // Sessions last 12 hours: sign in again after the clock jumps two months.
    const signIn = async (who: { code: string; password: string }) => ({ token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token });
    app.clock = new Date('2019-01-19T23:59:59.000+08:00');
    const collective = await signIn(h.collective);
    app.clock = new Date('2019-01-19T23:59:59.999+08:00');
    await app.ok('filing', 'saveDraft', { campaignId: h.campaignId, content: { name: '最后一刻' } }, collective);
    app.clock = new Date('2019-01-20T00:00:00.000+08:00');
    const before = await app.snapshot();
    const late = await app.call('filing', 'submit', { campaignId: h.campaignId, content: completeContent() }, collective);
    expect(late).toMatchObject({ ok: false, error: { code: 'FILING_WINDOW_CLOSED' } });
    expect(await app.snapshot()).toEqual(before);

    const decided = await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, await signIn(h.countyAdmin1));
    expect(decided.filing.status).toBe('approved');
  });
});

describe('two reviewers at once', () => {
  test('exactly one decision lands; the other is refused with CONFLICT and nothing is applied twice', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    const county = await app.unitNamed('岳阳县');
    const issued = await app.ok('admin', 'createAccount', { unitId: county.id, role: 'admin', name: '岳阳县第二位一级管理员' }, h.office.caller);
    const { activate } = await import('../support/harness');
    const second = await activate(app, issued.account.code, issued.oneTimePassword);

    const results = await Promise.all([
      app.call('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller),
      app.call('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'return', comment: '请补充材料' }, second.caller),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'CONFLICT' } }]);
    const stored = await app.store.get<FilingDoc>('filings', filing.id);
    expect(stored?.opinions).toHaveLength(1);
    expect(stored?.version).toBe(filing.version + 1);
  });

  test('a decision on a version the collective has since resubmitted is refused and changes nothing', async () => {
    const h = await seedFiling(app);
    const first = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    const returned = await app.ok('review', 'decide', { filingId: first.id, version: first.version, decision: 'return', comment: '请修改' }, h.countyAdmin1.caller);
    await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    const before = await app.snapshot();
    const stale = await app.call('review', 'decide', { filingId: first.id, version: returned.filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('the review queue', () => {
  test('is scoped to the subtree, filters by status, category, prior title and name, pages by cursor and counts per status', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.collective.caller);
    await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组', priorTitles: [] });
    const officeAll = await app.ok('review', 'listQueue', { campaignId: h.campaignId }, h.office.caller);
    expect(officeAll.items).toHaveLength(2);
    expect(officeAll.counts).toMatchObject({ filed: 2, draft: 0 });
    const transport = await app.ok('review', 'listQueue', { campaignId: h.campaignId }, h.admin1.caller);
    expect(transport.items.map((i) => i.name)).toEqual(['岳阳市公交一路青年班组']);
    expect(transport.counts.filed).toBe(1);
    const mine = await app.ok('review', 'listQueue', { campaignId: h.campaignId, awaitingMe: true }, h.admin3.caller);
    expect(mine.items).toHaveLength(1);
    expect((await app.ok('review', 'listQueue', { campaignId: h.campaignId, awaitingMe: true }, h.admin2.caller)).items).toHaveLength(0);
    expect((await app.ok('review', 'listQueue', { campaignId: h.campaignId, category: 'region' }, h.office.caller)).items.map((i) => i.name)).toEqual(['岳阳县人民医院青年护理组']);
    expect((await app.ok('review', 'listQueue', { campaignId: h.campaignId, priorTitle: 'county' }, h.office.caller)).items).toHaveLength(1);
    expect((await app.ok('review', 'listQueue', { campaignId: h.campaignId, q: '护理' }, h.office.caller)).items).toHaveLength(1);
    expect((await app.ok('review', 'listQueue', { campaignId: h.campaignId, status: 'approved' }, h.office.caller)).items).toHaveLength(0);
    const page1 = await app.ok('review', 'listQueue', { campaignId: h.campaignId, limit: 1 }, h.office.caller);
    const page2 = await app.ok('review', 'listQueue', { campaignId: h.campaignId, limit: 1, cursor: page1.nextCursor ?? undefined }, h.office.caller);
    expect([page1.items[0].id, page2.items[0].id].sort()).toEqual(officeAll.items.map((i) => i.id).sort());
    expect(page2.nextCursor).toBeNull();
  });

  test('a name matching another collective after normalization is flagged to admins', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳市公交１路 青年班组' });
    expect(filing.possibleDuplicates).toEqual([]);
    const flagged = await submitComplete(app, h.campaignId, h.collective.caller, { name: '岳阳市公交一路青年班组' });
    expect(flagged.possibleDuplicates).toEqual([]);
    // The county collective renamed to the transport collective's name (full-width digits and a space): flagged,
    // and as the match lies in another branch, the county's admin sees only its name and unit.
    const renamed = await app.ok('review', 'renameCollective', { collectiveId: h.countyCollective.accountId, name: '岳阳市公交一路 青年班组', reason: '测试' }, h.countyAdmin1.caller);
    expect(renamed.possibleDuplicates).toEqual([{ collectiveId: null, name: '岳阳市公交一路青年班组', unitName: '城区公交站', code: null }]);
  });

  test('a match outside the caller’s scope shows only its name and managing unit, in every view that lists matches', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.countyCollective.caller);
    const transport = await submitComplete(app, h.campaignId, h.collective.caller, { name: '岳阳县人民医院青年护理组' });
    const outOfScope = [{ collectiveId: null, name: '岳阳县人民医院青年护理组', unitName: '岳阳县', code: null }];
    // The collective itself sees no other collective's code, whatever unit it sits in.
    expect(transport.possibleDuplicates).toEqual(outOfScope);
    expect((await app.ok('filing', 'getMine', {}, h.collective.caller)).filing?.possibleDuplicates).toEqual(outOfScope);
    for (const admin of [h.admin1, h.admin2, h.admin3]) {
      expect((await app.ok('review', 'getFiling', { filingId: transport.id }, admin.caller)).filing.possibleDuplicates).toEqual(outOfScope);
    }
    const seenByOffice = await app.ok('review', 'getFiling', { filingId: transport.id }, h.office.caller);
    expect(seenByOffice.filing.possibleDuplicates).toEqual([{ ...outOfScope[0], collectiveId: h.countyCollective.accountId, code: h.countyCollective.code }]);
  });
});

describe("changes over a collective's life", () => {
  test('rename keeps the former name', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.collective.caller);
    const collectiveId = h.collective.accountId;
    const renamed = await app.ok('review', 'renameCollective', { collectiveId, name: '岳阳市公交集团一路青年班组', reason: '单位改制更名' }, h.admin1.caller);
    expect(renamed.filing).toMatchObject({ collective: { name: '岳阳市公交集团一路青年班组', formerNames: ['岳阳市公交一路青年班组'] }, content: { name: '岳阳市公交集团一路青年班组' } });
  });

  test('transfer across branches: another branch’s level-1 admin cannot take the collective by code and name; nothing changes', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.collective.caller);
    const county = await app.unitNamed('岳阳县');
    const input = { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: county.id, reason: '应由地方归口' };
    const wrongName = await app.call('review', 'transferCollective', { ...input, name: '别的名称' }, h.countyAdmin1.caller);
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'TRANSFER_MISMATCH' } });
    await expectOutcome(app, () => app.call('review', 'transferCollective', input, h.countyAdmin1.caller), 'TRANSFER_NEEDS_APPROVAL');
    expect((await app.ok('account', 'signIn', { code: h.collective.code, password: h.collective.password })).account.code).toBe(h.collective.code);
  });

  test('transfer request: the receiving side asks, the collective’s branch approves; the collective, its filing and history move and the old code stops working', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.collective.caller);
    const county = await app.unitNamed('岳阳县');
    const { request } = await app.ok('review', 'requestTransfer', { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: county.id, reason: '应由地方归口' }, h.countyAdmin1.caller);
    expect(request).toMatchObject({ status: 'pending', fromUnitName: '城区公交站', toUnitName: '岳阳县', fromCode: null, canDecide: false, canIssuePassword: false });
    // Nothing moved yet; the collective's branch sees the pending request on the filing.
    expect(await app.store.get<CollectiveDoc>('collectives', h.collective.accountId)).toMatchObject({ unitId: h.units.station.id, code: h.collective.code });
    expect((await app.ok('review', 'getFiling', { filingId: filing.id }, h.admin3.caller)).filing.collective.pendingTransfer).toMatchObject({ id: request.id, toUnitName: '岳阳县' });
    const twice = await app.call('review', 'requestTransfer', { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: county.id, reason: '再次申请' }, h.countyAdmin1.caller);
    expect(twice).toMatchObject({ ok: false, error: { code: 'TRANSFER_PENDING' } });
    // The requester cannot approve their own request.
    await expectOutcome(app, () => app.call('review', 'decideTransfer', { requestId: request.id, approve: true, comment: '同意' }, h.countyAdmin1.caller), 'NOT_IN_SCOPE');

    const incoming = await app.ok('review', 'listTransferRequests', { side: 'incoming' }, h.admin1.caller);
    expect(incoming.items).toEqual([expect.objectContaining({ id: request.id, fromCode: h.collective.code, canDecide: true, newCode: null })]);
    const approved = await app.ok('review', 'decideTransfer', { requestId: request.id, approve: true, comment: '同意转出' }, h.admin1.caller);
    expect(approved.request).toMatchObject({ status: 'approved', decidedByCode: h.admin1.code, newCode: null, canIssuePassword: false });

    const oldSignIn = await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password });
    expect(oldSignIn).toMatchObject({ ok: false, error: { code: 'ACCOUNT_CANCELLED' } });
    const collective = await app.store.get<CollectiveDoc>('collectives', h.collective.accountId);
    expect(collective).toMatchObject({ formerCodes: [h.collective.code], unitId: county.id, pendingTransferId: null });
    // Its 三亮 page counts for the receiving branch now (the 考评's item 9).
    expect(await app.store.get<PublicPageDoc>('publicPages', h.collective.accountId)).toMatchObject({ unitPath: collective!.unitPath, active: true });
    const stored = await app.store.get<FilingDoc>('filings', filing.id);
    expect(stored).toMatchObject({ unitId: county.id, stage: 1, stageUnitId: county.id, status: 'filed' });
    expect(stored?.history.map((x) => x.action)).toEqual(['filing.submit', 'review.transfer']);
    expect((await app.ok('review', 'listQueue', { campaignId: h.campaignId }, h.admin1.caller)).items).toHaveLength(0);
    const countyQueue = await app.ok('review', 'listQueue', { campaignId: h.campaignId }, h.countyAdmin1.caller);
    expect(countyQueue.items.map((i) => i.id)).toEqual([filing.id]);
    expect(countyQueue.counts.filed).toBe(1);

    // The receiving side takes the new code and its one-time password, once; the approver never sees it.
    const outgoing = await app.ok('review', 'listTransferRequests', { side: 'outgoing' }, h.countyAdmin1.caller);
    expect(outgoing.items[0]).toMatchObject({ id: request.id, newCode: collective?.code, canIssuePassword: true, passwordIssued: false });
    await expectOutcome(app, () => app.call('review', 'issueTransferPassword', { requestId: request.id }, h.admin1.caller), 'NOT_IN_SCOPE');
    const issued = await app.ok('review', 'issueTransferPassword', { requestId: request.id }, h.countyAdmin1.caller);
    expect(issued.account).toMatchObject({ code: collective?.code, unitName: '岳阳县', mustChangePassword: true });
    expect(issued.request).toMatchObject({ passwordIssued: true, canIssuePassword: false });
    await expectOutcome(app, () => app.call('review', 'issueTransferPassword', { requestId: request.id }, h.countyAdmin1.caller), 'TRANSFER_PASSWORD_ISSUED');
    const successor = await activate(app, issued.account.code, issued.oneTimePassword);
    expect((await app.ok('filing', 'getMine', {}, successor.caller)).filing?.id).toBe(filing.id);

    // Every step is in both branches' audit logs.
    const actions = async (caller: typeof h.admin1.caller) => (await app.ok('admin', 'listAudit', { limit: 50 }, caller)).items.map((a) => a.action);
    for (const side of [h.admin1.caller, h.countyAdmin1.caller]) {
      expect(await actions(side)).toEqual(expect.arrayContaining(['review.requestTransfer', 'review.approveTransfer']));
    }
    expect(await actions(h.countyAdmin1.caller)).toEqual(expect.arrayContaining(['review.transfer', 'review.issueTransferPassword']));
  });

  test('transfer request rejected with a reason: the collective stays, and a new request may follow', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.collective.caller);
    const county = await app.unitNamed('岳阳县');
    const input = { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: county.id, reason: '应由地方归口' };
    const { request } = await app.ok('review', 'requestTransfer', input, h.countyAdmin1.caller);
    const noReason = await app.call('review', 'decideTransfer', { requestId: request.id, approve: false, comment: '' }, h.office.caller);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { comment: expect.stringContaining('审批意见') } } });
    const rejected = await app.ok('review', 'decideTransfer', { requestId: request.id, approve: false, comment: '该集体属交通行业' }, h.office.caller);
    expect(rejected.request).toMatchObject({ status: 'rejected', comment: '该集体属交通行业', newCode: null });
    expect(await app.store.get<CollectiveDoc>('collectives', h.collective.accountId)).toMatchObject({ unitId: h.units.station.id, code: h.collective.code, pendingTransferId: null });
    await expectOutcome(app, () => app.call('review', 'decideTransfer', { requestId: request.id, approve: true, comment: '改为同意' }, h.office.caller), 'INVALID_STATE');
    await expectOutcome(app, () => app.call('review', 'issueTransferPassword', { requestId: request.id }, h.countyAdmin1.caller), 'INVALID_STATE');
    const again = await app.ok('review', 'requestTransfer', { ...input, reason: '补充材料后再次申请' }, h.countyAdmin1.caller);
    const both = await app.ok('review', 'listTransferRequests', { side: 'outgoing', limit: 1 }, h.countyAdmin1.caller);
    const next = await app.ok('review', 'listTransferRequests', { side: 'outgoing', limit: 1, cursor: both.nextCursor ?? undefined }, h.countyAdmin1.caller);
    expect([...both.items, ...next.items].map((r) => [r.id, r.status])).toEqual([[again.request.id, 'pending'], [request.id, 'rejected']]);
    expect((await app.ok('review', 'listTransferRequests', { side: 'incoming', status: 'pending' }, h.countyAdmin1.caller)).items).toEqual([]);
  });

  test('transfer inside one branch: an admin whose scope holds both units moves the collective at once and sees the one-time password', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.collective.caller);
    const asked = await app.call('review', 'requestTransfer', { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: h.units.bureau.id, reason: '归口到交通运输局' }, h.admin1.caller);
    expect(asked).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const moved = await app.ok('review', 'transferCollective', { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: h.units.bureau.id, reason: '归口到交通运输局' }, h.admin1.caller);
    expect(moved.account).toMatchObject({ unitName: '岳阳市交通运输局', mustChangePassword: true });
    expect(await app.store.get<FilingDoc>('filings', filing.id)).toMatchObject({ unitId: h.units.bureau.id, stage: 2, status: 'filed' });
    const successor = await activate(app, moved.account.code, moved.oneTimePassword);
    expect((await app.ok('filing', 'getMine', {}, successor.caller)).filing?.id).toBe(filing.id);
  });

  test('rename: the collective’s open-week events show the new name to the public', async () => {
    const h = await seedFiling(app);
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), h.campaignId), h.collective.caller);
    await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller);
    await app.ok('review', 'renameCollective', { collectiveId: h.collective.accountId, name: '岳阳市公交集团一路青年班组', reason: '单位改制更名' }, h.admin1.caller);
    expect((await app.ok('openweek', 'getEvent', { eventId: draft.event.id }, { openid: 'o-citizen' })).event.collectiveName).toBe('岳阳市公交集团一路青年班组');
    expect((await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId })).collective.name).toBe('岳阳市公交集团一路青年班组');
  });

  test('transfer by approved request: the collective’s open-week events follow it to the new code, the receiving unit’s admins and its public page', async () => {
    const h = await seedFiling(app);
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), h.campaignId), h.collective.caller);
    const eventId = draft.event.id;
    await app.ok('openweek', 'publishEvent', { eventId }, h.collective.caller);
    await app.ok('openweek', 'signUp', { eventId, name: '张三', phone: '13812345678', privacyAccepted: true }, { openid: 'o-citizen' });
    const county = await app.unitNamed('岳阳县');
    const { request } = await app.ok('review', 'requestTransfer', { code: h.collective.code, name: '岳阳市公交一路青年班组', toUnitId: county.id, reason: '应由地方归口' }, h.countyAdmin1.caller);
    await app.ok('review', 'decideTransfer', { requestId: request.id, approve: true, comment: '同意转出' }, h.admin1.caller);
    const issued = await app.ok('review', 'issueTransferPassword', { requestId: request.id }, h.countyAdmin1.caller);
    const successor = await activate(app, issued.account.code, issued.oneTimePassword);

    expect((await app.ok('openweek', 'myEvents', {}, successor.caller)).items.map((e) => e.id)).toEqual([eventId]);
    expect((await app.ok('openweek', 'listSignups', { eventId }, successor.caller)).items).toHaveLength(1);
    expect((await app.ok('openweek', 'adminListEvents', {}, h.countyAdmin1.caller)).items.map((e) => e.id)).toEqual([eventId]);
    expect((await app.ok('openweek', 'adminListEvents', {}, h.admin1.caller)).items).toHaveLength(0);
    expect((await app.ok('openweek', 'collectivePage', { collectiveId: successor.accountId })).items.map((e) => e.id)).toEqual([eventId]);
    expect((await app.ok('openweek', 'getEvent', { eventId })).event.collectiveId).toBe(successor.accountId);
  });

  test('restructure: the old record is closed, not deleted, and a new collective starts over', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.collective.caller);
    const result = await app.ok('review', 'restructureCollective', { collectiveId: h.collective.accountId, newName: '岳阳市公交一路新青年班组', reason: '成员一次性变动超过50%' }, h.admin1.caller);
    expect(await app.store.get<CollectiveDoc>('collectives', h.collective.accountId)).toMatchObject({ status: 'closed' });
    expect(await app.store.get<FilingDoc>('filings', filing.id)).toMatchObject({ status: 'closed' });
    expect(await app.store.get<CollectiveDoc>('collectives', result.collectiveId)).toMatchObject({ predecessorId: h.collective.accountId, status: 'active' });
    // Only the successor's 三亮 page counts among the unit's active collectives.
    expect(await app.store.get<PublicPageDoc>('publicPages', h.collective.accountId)).toMatchObject({ active: false });
    const successor = await app.store.get<CollectiveDoc>('collectives', result.collectiveId);
    expect(await app.store.get<PublicPageDoc>('publicPages', result.collectiveId)).toMatchObject({ active: true, unitPath: successor!.unitPath });
  });

  test('revocation: an admin requests with reasons, the office approves, the filing is revoked, the account cancelled and the collective told', async () => {
    const h = await seedFiling(app);
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    const { revocation } = await app.ok('review', 'requestRevocation', { filingId: filing.id, reasons: '发生重大责任事故' }, h.countyAdmin1.caller);
    const twice = await app.call('review', 'requestRevocation', { filingId: filing.id, reasons: '再次申请取消' }, h.countyAdmin1.caller);
    expect(twice).toMatchObject({ ok: false, error: { code: 'REVOCATION_PENDING' } });
    const notOffice = await app.call('review', 'decideRevocation', { revocationId: revocation.id, approve: true, comment: '同意' }, h.countyAdmin1.caller);
    expect(notOffice).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.ok('review', 'decideRevocation', { revocationId: revocation.id, approve: true, comment: '经核实，同意取消' }, h.office.caller);
    expect(await app.store.get<FilingDoc>('filings', filing.id)).toMatchObject({ status: 'revoked' });
    expect(await app.account(h.countyCollective.code)).toMatchObject({ status: 'cancelled' });
    expect(await app.store.get<PublicPageDoc>('publicPages', h.countyCollective.accountId)).toMatchObject({ active: false });
    const told = (await app.mailbox()).filter((m) => m.to.includes(h.countyCollective.accountId) && m.subject.includes('取消创建资格'));
    expect(told).toHaveLength(1);
    const list = await app.ok('review', 'listRevocations', {}, h.office.caller);
    expect(list.items[0]).toMatchObject({ status: 'approved', collectiveName: '岳阳县人民医院青年护理组' });
  });
});

describe("the collective's document", () => {
  test('starts with its account: an admin can rename a collective that has never signed in', async () => {
    const h = await seedFiling(app);
    const renamed = await app.call('review', 'renameCollective', { collectiveId: h.collective.accountId, name: '岳阳市公交集团一路青年班组', reason: '单位改制更名' }, h.admin1.caller);
    expect(renamed.ok).toBe(true);
    expect((await app.ok('filing', 'getMine', {}, h.collective.caller)).collective.name).toBe('岳阳市公交集团一路青年班组');
  });

  test('reading the filing page writes nothing, even for an account issued before collectives started with their account', async () => {
    const h = await seedFiling(app);
    await app.store.remove('collectives', h.collective.accountId);
    const before = await app.snapshot();
    const mine = await app.ok('filing', 'getMine', {}, h.collective.caller);
    expect(mine.collective).toMatchObject({ name: '岳阳市公交一路青年班组', code: h.collective.code });
    expect(await app.snapshot()).toEqual(before);
  });

  test('such an account files all the same: its first save creates the document, once', async () => {
    const h = await seedFiling(app);
    await app.store.remove('collectives', h.collective.accountId);
    await app.ok('filing', 'saveDraft', { campaignId: h.campaignId, content: { name: '岳阳市公交一路青年班组' } }, h.collective.caller);
    const filing = await submitComplete(app, h.campaignId, h.collective.caller);
    expect(filing.status).not.toBe('draft');
    const documents = await app.store.find<CollectiveDoc>('collectives', { where: { accountId: h.collective.accountId }, orderBy: { fields: ['accountId'], direction: 'asc' }, limit: 5 });
    expect(documents.items).toHaveLength(1);
  });
});

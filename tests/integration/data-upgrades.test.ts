import { runDataUpgrades } from '../../cloudfunctions/app/jobs/data-upgrades';
import type { EventDoc } from '../../cloudfunctions/app/collections/openweek';
import type { EvaluationCaseDoc, PublicPageDoc } from '../../cloudfunctions/app/collections/evaluation';
import { wechatVisitor } from '../support/evaluation';
import type { CollectiveDoc } from '../../cloudfunctions/app/collections/filing';
import { seedHierarchy, TestApp } from '../support/harness';
import { demoCampaign, seedFiling, submitComplete } from '../support/filing';
import { eventFields } from '../support/openweek';

describe('upgrades of older data', () => {
  let app: TestApp;
  beforeEach(() => {
    app = new TestApp();
  });
  afterEach(() => app.close());

  test('each upgrade is recorded once a pass completes, and a completed one is not run again', async () => {
    const h = await seedHierarchy(app);
    const campaignId = (await demoCampaign(app)).id;
    await runDataUpgrades(app.deps);
    expect(await app.store.get('dataUpgrades', 'opaqueSignupIds')).toMatchObject({ completedAt: app.clock.toISOString() });
    expect(await app.store.get('dataUpgrades', 'seatShards')).toMatchObject({ completedAt: app.clock.toISOString() });

    // Only an old version wrote events without seat shards; a run after completion leaves such a document alone.
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), campaignId), h.collective.caller);
    const { seatShards: _shards, ...oldShape } = (await app.store.get<EventDoc>('events', draft.event.id))!;
    await app.store.remove('events', draft.event.id);
    await app.store.insert('events', { ...oldShape, seatShards: null });
    app.advance(60);
    await runDataUpgrades(app.deps);
    expect((await app.store.get<EventDoc>('events', draft.event.id))!.seatShards).toBeNull();
    expect(await app.store.get('dataUpgrades', 'seatShards')).toMatchObject({ completedAt: new Date(app.clock.getTime() - 3_600_000).toISOString() });
  });

  test('collectives from before the 三亮 page came with their document get their page, counters and, if missing, their document', async () => {
    const h = await seedHierarchy(app);
    // An older version made the page at its first visit: this collective has a document but no page yet.
    await app.store.remove('publicPages', h.collective.accountId);
    await app.store.remove('evaluationCounts', h.collective.accountId);
    // An account issued before collectives' documents came with it has neither.
    for (const name of ['collectives', 'publicPages', 'evaluationCounts']) await app.store.remove(name, h.countyCollective.accountId);

    const before = await app.snapshot();
    for (const who of [h.collective, h.countyCollective]) {
      expect(await app.call('evaluation', 'publicPage', { collectiveId: who.accountId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await app.snapshot()).toEqual(before);

    await runDataUpgrades(app.deps);
    const codes = [];
    for (const who of [h.collective, h.countyCollective]) {
      const shown = await app.ok('evaluation', 'publicPage', { collectiveId: who.accountId });
      expect(shown.summary).toMatchObject({ counted: 0 });
      codes.push(shown.collective.code);
      expect(await app.store.get('evaluationCounts', who.accountId)).toMatchObject({ cases: 0 });
    }
    expect(new Set(codes).size).toBe(2);
    expect(await app.store.get('collectives', h.countyCollective.accountId)).toMatchObject({ accountId: h.countyCollective.accountId, status: 'active', name: '岳阳县人民医院青年护理组' });
    expect(await app.store.get('dataUpgrades', 'publicPages')).toMatchObject({ completedAt: app.clock.toISOString() });
  });

  test('pages from before they carried their collective’s place get its unit path, standing and completeness', async () => {
    const h = await seedHierarchy(app);
    const own = await app.ok('evaluation', 'ownPublicPage', {}, h.collective.caller);
    await app.ok('evaluation', 'updatePublicPage', { commitment: '微笑服务', address: '站前路1号', serviceHours: '每日 6:00—22:00', version: own.version }, h.collective.caller);
    const { unitPath: _u, active: _a, complete: _c, ...oldShape } = (await app.store.get<PublicPageDoc>('publicPages', h.collective.accountId))!;
    await app.store.remove('publicPages', h.collective.accountId);
    await app.store.insert('publicPages', oldShape);

    await runDataUpgrades(app.deps);
    const collective = await app.store.get<CollectiveDoc>('collectives', h.collective.accountId);
    expect(await app.store.get<PublicPageDoc>('publicPages', h.collective.accountId)).toEqual({ ...oldShape, unitPath: collective!.unitPath, active: true, complete: true });
    expect(await app.store.get('dataUpgrades', 'pagePlaces')).toMatchObject({ completedAt: app.clock.toISOString() });
  });

  test('差评 cases from before they carried their campaign and timeliness get them from their evaluation and answer', async () => {
    const h = await seedFiling(app);
    await submitComplete(app, h.campaignId, h.collective.caller);
    const { code } = await app.ok('evaluation', 'ownPublicPage', {}, h.collective.caller);
    const answered = (await app.ok('evaluation', 'evaluate', { code, rating: 1 }, wechatVisitor(1))).evaluation;
    const open = (await app.ok('evaluation', 'evaluate', { code, rating: 2 }, wechatVisitor(2))).evaluation;
    await app.ok('evaluation', 'replyToCase', { caseId: answered.id, kind: 'explanation', text: '已回访评价人并说明情况' }, h.collective.caller);
    const olds = [];
    for (const id of [answered.id, open.id]) {
      const { campaignId: _c, answeredOnTime: _a, ...oldShape } = (await app.store.get<EvaluationCaseDoc>('evaluationCases', id))!;
      await app.store.remove('evaluationCases', id);
      await app.store.insert('evaluationCases', oldShape);
      olds.push(oldShape);
    }

    await runDataUpgrades(app.deps);
    expect(await app.store.get('evaluationCases', answered.id)).toEqual({ ...olds[0], campaignId: h.campaignId, answeredOnTime: true });
    expect(await app.store.get('evaluationCases', open.id)).toEqual({ ...olds[1], campaignId: h.campaignId });
  });
});

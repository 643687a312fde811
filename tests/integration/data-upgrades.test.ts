import { runDataUpgrades } from '../../cloudfunctions/app/jobs/data-upgrades';
import type { EventDoc } from '../../cloudfunctions/app/collections/openweek';
import { seedHierarchy, TestApp } from '../support/harness';
import { demoCampaign } from '../support/filing';
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
});

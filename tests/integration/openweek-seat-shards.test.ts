import type { Caller } from '../../cloudfunctions/app/context';
import type { EventDoc, SignupDoc } from '../../cloudfunctions/app/collections/openweek';
import { upgradeSeatShards } from '../../cloudfunctions/app/features/openweek/seat-shards';
import { seedHierarchy, TestApp } from '../support/harness';
import { eventFields, firstCampaignId } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/**
 * An event's seats are split over shard documents (so a rush does not write one document); these are the
 * edges where two people meet on the rules that keep them one set of seats and one line.
 */
describe('开放周 seats split over shards: the edges', () => {
  let app: TestApp;
  let h: Hierarchy;
  let campaignId: string;
  const visitor = (n: number): Caller => ({ openid: `o-edge-${n}` });
  const signUp = (eventId: string, n: number) => app.call('openweek', 'signUp', { eventId, name: `市民${n}`, phone: '13812345678', privacyAccepted: true }, visitor(n));
  const mine = async (eventId: string, n: number) => (await app.ok('openweek', 'getEvent', { eventId }, visitor(n))).mySignup;
  const managed = async (eventId: string) => (await app.ok('openweek', 'getManagedEvent', { eventId }, h.collective.caller)).event;
  const publish = async (capacity: number) => {
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), campaignId, { capacity }), h.collective.caller);
    return (await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller)).event;
  };

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    campaignId = await firstCampaignId(app);
  });
  afterEach(() => app.close());

  test('the last seat tapped by two at once: one is seated, the other is first in line; never both seated', async () => {
    for (const capacity of [1, 3, 20]) {
      const event = await publish(capacity);
      for (let n = 0; n < capacity - 1; n++) await signUp(event.id, 100 * capacity + n);
      const [a, b] = await Promise.all([signUp(event.id, 100 * capacity + 50), signUp(event.id, 100 * capacity + 51)]);
      const answers = [a, b].map((r) => (r.ok ? r.data.signup : null));
      expect(answers.map((s) => s?.status).sort()).toEqual(['confirmed', 'waitlisted']);
      expect(answers.find((s) => s?.status === 'waitlisted')?.waitlistPosition).toBe(1);
      expect(await managed(event.id)).toMatchObject({ capacity, seatsTaken: capacity, waiting: 1, seatsLeft: 0 });
    }
  });

  test('a seat released while a newcomer joins: whichever lands first, the newcomer ends up seated and no seat stays free', async () => {
    for (let round = 0; round < 4; round++) {
      const event = await publish(2);
      await signUp(event.id, 10 * round + 1);
      await signUp(event.id, 10 * round + 2);
      const [cancelled, joined] = await Promise.all([app.call('openweek', 'cancelSignup', { eventId: event.id }, visitor(10 * round + 1)), signUp(event.id, 10 * round + 3)]);
      expect(cancelled.ok && joined.ok).toBe(true);
      expect((await mine(event.id, 10 * round + 3))?.status).toBe('confirmed');
      expect(await managed(event.id)).toMatchObject({ seatsTaken: 2, waiting: 0, seatsLeft: 0 });
    }
  });

  test('a seat released while someone waits and a newcomer joins: the one waiting gets it, the newcomer is next in line', async () => {
    for (let round = 0; round < 4; round++) {
      const event = await publish(2);
      for (const n of [1, 2, 3]) await signUp(event.id, 10 * round + n);
      await Promise.all([app.call('openweek', 'cancelSignup', { eventId: event.id }, visitor(10 * round + 1)), signUp(event.id, 10 * round + 4)]);
      expect((await mine(event.id, 10 * round + 3))?.status).toBe('confirmed');
      expect(await mine(event.id, 10 * round + 4)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(await managed(event.id)).toMatchObject({ seatsTaken: 2, waiting: 1 });
    }
  });

  test('the last two waiting leave at once: nobody is left waiting, and the next newcomer takes a freed seat', async () => {
    for (let round = 0; round < 4; round++) {
      const event = await publish(2);
      for (const n of [1, 2, 3, 4]) await signUp(event.id, 10 * round + n);
      await Promise.all([3, 4].map((n) => app.ok('openweek', 'cancelSignup', { eventId: event.id }, visitor(10 * round + n))));
      expect(await managed(event.id)).toMatchObject({ seatsTaken: 2, waiting: 0 });
      await app.ok('openweek', 'cancelSignup', { eventId: event.id }, visitor(10 * round + 1));
      expect((await signUp(event.id, 10 * round + 5)).ok && (await mine(event.id, 10 * round + 5))?.status).toBe('confirmed');
    }
  });

  /** 2 seats taken by visitors 1 and 2, visitor 3 waiting; then stored as before issue #9: counters on the event, an integer waitlist key, no shards. */
  async function storedBeforeShards(): Promise<EventDoc> {
    const event = await publish(2);
    for (const n of [1, 2, 3]) await signUp(event.id, n);
    const stored = (await app.store.get<EventDoc>('events', event.id))!;
    const { seatShards: _shards, ...legacy } = stored;
    await app.store.remove('events', event.id);
    await app.store.insert('events', { ...legacy, seatsTaken: 2, waiting: 1, waitSeq: 1 });
    for (let index = 0; index < stored.seatShards; index++) await app.store.remove('seatShards', `${event.id}~${index}`);
    const waiter = (await app.store.find<SignupDoc>('signups', { where: { eventId: event.id, status: 'waitlisted' }, orderBy: { fields: ['waitOrder'], direction: 'asc' }, limit: 1 })).items[0];
    await app.store.update('signups', waiter.id, { set: { waitOrder: 1 } });
    return stored;
  }

  test('an event stored before seat shards shows its counts, and an edit of its capacity upgrades it first: not below the seats taken, and more seats go to the line', async () => {
    const event = await storedBeforeShards();
    expect(await managed(event.id)).toMatchObject({ seatsTaken: 2, waiting: 1 });
    const edit = (capacity: number, version: number) => app.call('openweek', 'updateEvent', { ...eventFields(app.clock.getTime(), campaignId), eventId: event.id, version, capacity }, h.collective.caller);
    expect(await edit(1, event.version)).toMatchObject({ ok: false, error: { code: 'CAPACITY_BELOW_TAKEN' } });
    expect((await edit(3, event.version)).ok).toBe(true);
    expect((await mine(event.id, 3))?.status).toBe('confirmed');
    expect(await managed(event.id)).toMatchObject({ capacity: 3, seatsTaken: 3, waiting: 0 });
  });

  test('an event stored before seat shards keeps its counts and its line: upgraded once, the first in line is promoted', async () => {
    const event = await storedBeforeShards();
    expect(await upgradeSeatShards(app.deps)).toBe(1);
    expect(await upgradeSeatShards(app.deps)).toBe(0);
    expect(await managed(event.id)).toMatchObject({ seatsTaken: 2, waiting: 1 });
    expect((await signUp(event.id, 4)).ok && (await mine(event.id, 4))?.waitlistPosition).toBe(2);
    await app.ok('openweek', 'cancelSignup', { eventId: event.id }, visitor(1));
    expect((await mine(event.id, 3))?.status).toBe('confirmed');
    expect(await mine(event.id, 4)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });
});

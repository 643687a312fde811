import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import type { EventDoc } from '../../cloudfunctions/app/collections/openweek';
import { openweekHandlers } from '../../cloudfunctions/app/features/openweek';
import { seatCountsFor } from '../../cloudfunctions/app/features/openweek/seat-shards';
import { cloudbaseMain } from '../../cloudfunctions/entries/cloudbase-main';
import { useCloudbaseFunctions, wechatContext } from '../support/cloudbase-functions';

/**
 * The CloudBase `openweek` function as the platform calls it: in the mini-program the visitor is the
 * OPENID of the function's context, never read from the event's body. (Browsers use the local host,
 * where the visitor token travels in its own header.)
 */
const { connect } = useCloudbaseFunctions();
const wechat = wechatContext;

test('in the mini-program the OPENID is the visitor: no token is issued, and my signups answer for that OPENID', async () => {
  const openweek = cloudbaseMain('openweek', openweekHandlers, connect);
  expect(await openweek({ action: 'startVisit', data: {} }, wechat('o-citizen'))).toEqual({ ok: true, data: { visitorToken: null } });
  expect(await openweek({ action: 'mySignups', data: {} }, wechat('o-citizen'))).toEqual({ ok: true, data: { items: [], nextCursor: null } });
});

test('on the CloudBase store, seats and the waitlist hold through its transactions: 2 seats, 3 people, one cancels (events written before seat shards get them on their first signup)', async () => {
  const store = new CloudbaseStore(connect());
  const now = Date.now();
  const HOUR = 3_600_000;
  const seats = async (id: string) => seatCountsFor(store, (await store.get<EventDoc>('events', id))!);
  // As events were stored before issue #9: counters on the event, no seat shards.
  const event: Omit<EventDoc, 'seatShards'> & { seatsTaken: number; waiting: number; waitSeq: number } = {
    id: 'evt-cloud',
    collectiveId: 'acc-1',
    collectiveName: '岳阳市公交一路青年班组',
    unitId: 'u1',
    unitPath: '/root/u1/',
    campaignId: 'c1',
    type: 'siteVisit',
    title: '公交调度中心开放日',
    description: '走进公交调度中心。',
    coverUrl: null,
    startAt: new Date(now + 72 * HOUR).toISOString(),
    endAt: new Date(now + 75 * HOUR).toISOString(),
    address: '岳阳市公交调度中心',
    lat: null,
    lng: null,
    capacity: 2,
    signupOpensAt: new Date(now - HOUR).toISOString(),
    signupClosesAt: new Date(now + 48 * HOUR).toISOString(),
    requiresApproval: false,
    cancelHoursBefore: 24,
    askPhone: true,
    extraQuestion: null,
    status: 'published',
    hidden: false,
    hiddenReason: null,
    seatsTaken: 0,
    waiting: 0,
    waitSeq: 0,
    checkedIn: 0,
    summary: null,
    summaryPhotos: [],
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    version: 1,
  };
  await store.insert('events', event);
  const openweek = cloudbaseMain('openweek', openweekHandlers, connect);
  const signUp = (openid: string, eventId = event.id) =>
    openweek({ action: 'signUp', data: { eventId, name: '市民', phone: '13812345678', privacyAccepted: true } }, wechat(openid)) as Promise<{
      ok: boolean;
      data: { signup: { id: string; status: string }; alreadySignedUp: boolean };
    }>;
  const answers = await Promise.all(['o-1', 'o-2', 'o-3'].map((o) => signUp(o)));
  expect(answers.map((a) => a.data.signup.status).sort()).toEqual(['confirmed', 'confirmed', 'waitlisted']);
  const waiting = ['o-1', 'o-2', 'o-3'][answers.findIndex((a) => a.data.signup.status === 'waitlisted')];
  const confirmed = ['o-1', 'o-2', 'o-3'].find((o) => o !== waiting)!;
  expect(await openweek({ action: 'cancelSignup', data: { eventId: event.id } }, wechat(confirmed))).toMatchObject({ ok: true });
  expect(await openweek({ action: 'getEvent', data: { eventId: event.id } }, wechat(waiting))).toMatchObject({ ok: true, data: { mySignup: { status: 'confirmed' } } });
  expect(await seats(event.id)).toEqual({ seatsTaken: 2, waiting: 0 });

  // A rush on CloudBase: 40 people at once for 10 seats; transactions collide and are run again.
  await store.insert('events', { ...event, id: 'evt-rush', capacity: 10 });
  const rush = await Promise.all(Array.from({ length: 40 }, (_, i) => signUp(`o-rush-${i}`, 'evt-rush')));
  expect(rush.every((a) => a.ok)).toBe(true);
  expect(rush.filter((a) => a.data.signup.status === 'confirmed')).toHaveLength(10);
  expect(rush.filter((a) => a.data.signup.status === 'waitlisted')).toHaveLength(30);
  expect(await seats('evt-rush')).toEqual({ seatsTaken: 10, waiting: 30 });

  // One person tapping five times at once: one signup (random id), every other tap answered with it as
  // already signed up — the taps collide on a seat shard, and the unique (eventId, visitorId) index
  // would refuse a second document even if they did not.
  await store.insert('events', { ...event, id: 'evt-taps' });
  const taps = await Promise.all(Array.from({ length: 5 }, () => signUp('o-taps', 'evt-taps')));
  expect(taps.every((a) => a.ok)).toBe(true);
  expect(new Set(taps.map((a) => a.data.signup.id)).size).toBe(1);
  expect(taps.filter((a) => !a.data.alreadySignedUp)).toHaveLength(1);
  expect(await seats('evt-taps')).toEqual({ seatsTaken: 1, waiting: 0 });
}, 60_000);

import type { DevMailDoc } from '../../cloudfunctions/app/collections';
import type { SignupDoc } from '../../cloudfunctions/app/collections/openweek';
import type { Caller } from '../../cloudfunctions/app/context';
import { JOBS } from '../../cloudfunctions/app/jobs';
import { OUTBOX_PAGE, type OutboxDoc } from '../../cloudfunctions/app/outbox/records';
import type { Notifier } from '../../cloudfunctions/app/ports/notifier';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { runJobs } from '../../cloudfunctions/local-host/jobs';
import { seedHierarchy, TestApp } from '../support/harness';
import { eventFields, firstCampaignId, HOUR } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/**
 * Side effects travel through the transactional outbox: written with the change, a first step performed
 * right after the commit, the rest (the next pages, a delivery that failed) by the `outbox` job. The
 * people concerned are told once, whatever the length of the list or the failures on the way.
 */
describe('the transactional outbox', () => {
  let app: TestApp;
  let h: Hierarchy;
  let campaignId: string;
  const visitor = (n: number): Caller => ({ openid: `o-visitor-${n}` });
  const eventInput = (overrides: Record<string, unknown> = {}) => eventFields(app.clock.getTime(), campaignId, overrides);
  const publish = async (overrides: Record<string, unknown> = {}) => {
    const draft = await app.ok('openweek', 'createEvent', eventInput(overrides), h.collective.caller);
    return (await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller)).event;
  };
  const signUpMany = async (eventId: string, count: number) => {
    for (let n = 1; n <= count; n++) await app.ok('openweek', 'signUp', { eventId, name: '市民', phone: '13812345678', privacyAccepted: true }, visitor(n));
  };
  /** Every message delivered so far with this title, by recipient (the mailbox page shows only 50). */
  const told = async (title: string) => {
    const all = await findAll<DevMailDoc>(app.store, 'devMailbox', { orderBy: { fields: ['sentAt'], direction: 'asc' } });
    return all.filter((m) => m.subject.includes(title)).map((m) => m.to);
  };
  const pending = () => findAll<OutboxDoc>(app.store, 'outbox', { orderBy: { fields: ['dueAt'], direction: 'asc' } });
  const runJob = () => JOBS.outbox.run(app.deps);
  const managed = async (eventId: string) => (await app.ok('openweek', 'getManagedEvent', { eventId }, h.collective.caller)).event;

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    campaignId = await firstCampaignId(app);
  });
  afterEach(() => app.close());

  test('a cancelled event with more people than a page: the request tells one page, the job the others, each once', async () => {
    const event = await publish({ capacity: 60 });
    await signUpMany(event.id, 70);
    await app.ok('openweek', 'cancelSignup', { eventId: event.id }, visitor(70));
    await app.ok('openweek', 'cancelEvent', { eventId: event.id, reason: '台风预警' }, h.collective.caller);

    expect((await told('活动已取消')).length).toBeLessThanOrEqual(OUTBOX_PAGE);
    expect(await pending()).toEqual([expect.objectContaining({ work: expect.objectContaining({ kind: 'tellEventCancelled' }), cursor: expect.any(String) })]);

    await runJob();
    const everyone = Array.from({ length: 69 }, (_, i) => `微信 visitor:wx:o-visitor-${i + 1}`);
    expect((await told('活动已取消')).sort()).toEqual(everyone.sort());
    expect(await pending()).toEqual([]);
    await runJob();
    expect(await told('活动已取消')).toHaveLength(69);
  });

  test("on the local host, a request that leaves work wakes the job loop, which finishes it without waiting for its interval", async () => {
    const loop = runJobs(app.deps);
    app.deps.wakeJobs = loop.wake;
    try {
      const event = await publish({ capacity: 60 });
      await signUpMany(event.id, 60);
      await app.ok('openweek', 'cancelEvent', { eventId: event.id, reason: '台风预警' }, h.collective.caller);
      await loop.idle();
      expect(await told('活动已取消')).toHaveLength(60);
      expect(await pending()).toEqual([]);
    } finally {
      loop.stop();
      await loop.idle();
    }
  });

  test('a moved start reaches every signup, over more than a page, and they may be reminded again', async () => {
    const event = await publish({ capacity: 60 });
    await signUpMany(event.id, 60);
    await app.store.update('signups', `${event.id}:wx:o-visitor-1`, { set: { remindedAt: app.clock.toISOString() } });
    const startAt = new Date(app.clock.getTime() + 96 * HOUR).toISOString();
    const current = await managed(event.id);
    await app.ok('openweek', 'updateEvent', { ...eventInput({ capacity: 60, startAt, endAt: new Date(app.clock.getTime() + 99 * HOUR).toISOString() }), eventId: event.id, version: current.version }, h.collective.caller);
    await runJob();
    const signups = await findAll<SignupDoc>(app.store, 'signups', { where: { eventId: event.id }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
    expect(signups).toHaveLength(60);
    expect(signups.every((s) => s.eventStartAt === startAt && s.remindedAt === null)).toBe(true);
    expect(await pending()).toEqual([]);
  });

  test('a capacity grown by more than a page fills from the waitlist in steps, in order, each promoted person told once', async () => {
    const event = await publish({ capacity: 2 });
    await signUpMany(event.id, 62);
    const current = await managed(event.id);
    await app.ok('openweek', 'updateEvent', { ...eventInput({ capacity: 62 }), eventId: event.id, version: current.version }, h.collective.caller);
    expect(await managed(event.id)).toMatchObject({ seatsTaken: 2 + OUTBOX_PAGE, waiting: 60 - OUTBOX_PAGE });
    await runJob();
    expect(await managed(event.id)).toMatchObject({ seatsTaken: 62, waiting: 0 });
    const promoted = Array.from({ length: 60 }, (_, i) => `微信 visitor:wx:o-visitor-${i + 3}`);
    expect((await told('候补成功')).sort()).toEqual(promoted.sort());
    expect(await pending()).toEqual([]);
  });

  test('a message that could not be delivered after the commit is kept, and the job delivers it once the service is back', async () => {
    const event = await publish({ capacity: 1 });
    await signUpMany(event.id, 2);
    const working = app.deps.notifier;
    const down: Notifier = { send: async () => Promise.reject(new Error('WeChat unreachable')) };
    app.deps.notifier = down;
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The cancellation and the promotion are committed and answered; the promoted person's message waits.
      await app.ok('openweek', 'cancelSignup', { eventId: event.id }, visitor(1));
      expect((await app.ok('openweek', 'getEvent', { eventId: event.id }, visitor(2))).mySignup?.status).toBe('confirmed');
      expect(await pending()).toEqual([expect.objectContaining({ work: expect.objectContaining({ kind: 'message' }), attempts: 1, lastError: 'WeChat unreachable' })]);
      await runJob();
      expect(await pending()).toHaveLength(1);
    } finally {
      app.deps.notifier = working;
      spy.mockRestore();
    }
    await runJob();
    expect(await told('候补成功')).toEqual([]);
    app.advance(2);
    await Promise.all([runJob(), runJob()]);
    expect(await told('候补成功')).toEqual(['微信 visitor:wx:o-visitor-2']);
    expect(await pending()).toEqual([]);
  });

  test('a reset mail the SMTP server refused is sent by the job later, its link still working, and then not kept in the outbox', async () => {
    await app.ok('account', 'setRecoveryEmail', { email: 'team@example.org', password: h.collective.password }, h.collective.caller);
    const working = app.deps.mailer;
    app.deps.mailer = { send: async () => Promise.reject(new Error('SMTP 421')) };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await app.ok('account', 'requestPasswordReset', { email: 'team@example.org' });
    } finally {
      app.deps.mailer = working;
      spy.mockRestore();
    }
    expect(await app.mailbox()).toEqual([]);
    expect(await pending()).toEqual([expect.objectContaining({ work: expect.objectContaining({ kind: 'mail' }), lastError: 'SMTP 421' })]);
    app.advance(2);
    await runJob();
    const [mail] = await app.mailbox();
    expect(mail).toMatchObject({ to: 'team@example.org', subject: '【青年文明号】重置密码' });
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await app.ok('account', 'resetPassword', { token, newPassword: 'Renewed123' });
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: 'Renewed123' })).ok).toBe(true);
    expect(await pending()).toEqual([]);
  });
});

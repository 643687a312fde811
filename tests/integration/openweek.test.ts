import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Caller } from '../../cloudfunctions/app/context';
import type { SignupDoc } from '../../cloudfunctions/app/collections/openweek';
import { JOBS } from '../../cloudfunctions/app/jobs';
import { openweekReminders } from '../../cloudfunctions/app/jobs/openweek-reminders';
import { seedHierarchy, TestApp } from '../support/harness';
import { eventFields, firstCampaignId, HOUR } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

describe('开放周: events that the public finds and joins', () => {
  let app: TestApp;
  let h: Hierarchy;
  let campaignId: string;
  const visitor = (n: number): Caller => ({ openid: `o-visitor-${n}` });
  /** Sessions last 12 hours: after moving the clock days ahead, the collective signs in again. */
  const fresh = async (who: Hierarchy['collective']): Promise<Caller> => ({
    token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token,
  });

  const eventInput = (overrides: Record<string, unknown> = {}) => eventFields(app.clock.getTime(), campaignId, overrides);

  const publish = async (overrides: Record<string, unknown> = {}, by = h.collective.caller) => {
    const draft = await app.ok('openweek', 'createEvent', eventInput(overrides), by);
    return (await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, by)).event;
  };
  const signUp = (eventId: string, who: Caller, name = '张三', phone = '13812345678') =>
    app.call('openweek', 'signUp', { eventId, name, phone, privacyAccepted: true }, who);

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    campaignId = await firstCampaignId(app);
  });
  afterEach(() => app.close());

  test('a draft is invisible to the public until the collective publishes it; then it lists by date with seats left', async () => {
    const draft = await app.ok('openweek', 'createEvent', eventInput(), h.collective.caller);
    expect(draft.event.status).toBe('draft');
    expect((await app.ok('openweek', 'listEvents', {})).items).toHaveLength(0);
    expect((await app.call('openweek', 'getEvent', { eventId: draft.event.id })).ok).toBe(false);

    await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller);
    const later = await publish({ title: '护理岗位体验', type: 'jobExperience', startAt: new Date(app.clock.getTime() + 96 * HOUR).toISOString(), endAt: new Date(app.clock.getTime() + 97 * HOUR).toISOString() }, h.countyCollective.caller);
    const list = await app.ok('openweek', 'listEvents', {});
    expect(list.items.map((e) => e.title)).toEqual(['公交调度中心开放日', '护理岗位体验']);
    expect(list.items[0]).toMatchObject({ seatsLeft: 2, collectiveName: '岳阳市公交一路青年班组', collectiveId: h.collective.accountId });

    expect((await app.ok('openweek', 'listEvents', { type: 'jobExperience' })).items.map((e) => e.id)).toEqual([later.id]);
    expect((await app.ok('openweek', 'listEvents', { unitId: h.units.transport.id })).items.map((e) => e.title)).toEqual(['公交调度中心开放日']);
    expect((await app.ok('openweek', 'listEvents', { unitId: h.units.county.id })).items.map((e) => e.title)).toEqual(['护理岗位体验']);
    expect((await app.ok('openweek', 'listEvents', { q: '调度' })).items).toHaveLength(1);
    const filters = await app.ok('openweek', 'filters', {});
    expect(filters.types).toHaveLength(6);
    expect(filters.units.map((u) => u.name)).toEqual(expect.arrayContaining(['交通', '岳阳县']));
  });

  test('the event form refuses times that do not fit together, naming the field', async () => {
    const result = await app.call('openweek', 'createEvent', eventInput({ endAt: new Date(app.clock.getTime() + 71 * HOUR).toISOString() }), h.collective.caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { endAt: '结束时间：须晚于开始时间' } } });
  });

  test('two seats: two visitors are confirmed, the third waits; a retried signup returns the existing one', async () => {
    const event = await publish();
    const a = await signUp(event.id, visitor(1));
    const b = await signUp(event.id, visitor(2), '李四', '13900001111');
    const c = await signUp(event.id, visitor(3), '王五', '13700002222');
    expect([a, b, c].map((r) => r.ok && r.data.signup.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(c.ok && c.data.signup.waitlistPosition).toBe(1);
    expect(a.ok && a.data.signup.checkInCode).toMatch(/^[2-9A-Z]{8}$/);
    expect(c.ok && c.data.signup.checkInCode).toBeNull();

    const before = await app.snapshot();
    const again = await signUp(event.id, visitor(1), '张三改名');
    expect(again.ok && again.data).toMatchObject({ alreadySignedUp: true, signup: { status: 'confirmed', name: '张三' } });
    expect(await app.snapshot()).toEqual(before);

    const page = await app.ok('openweek', 'getEvent', { eventId: event.id }, visitor(3));
    expect(page.event.seatsLeft).toBe(0);
    expect(page.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, phoneMasked: '137****2222' });
  });

  test('a cancellation frees exactly one seat that goes to the first in line, who is told', async () => {
    const event = await publish();
    for (const n of [1, 2, 3, 4]) await signUp(event.id, visitor(n));
    const cancelled = await app.ok('openweek', 'cancelSignup', { eventId: event.id }, visitor(1));
    expect(cancelled.signup.status).toBe('cancelled');
    expect((await app.ok('openweek', 'getEvent', { eventId: event.id }, visitor(3))).mySignup?.status).toBe('confirmed');
    expect((await app.ok('openweek', 'getEvent', { eventId: event.id }, visitor(4))).mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const managed = await app.ok('openweek', 'getManagedEvent', { eventId: event.id }, h.collective.caller);
    expect(managed.event).toMatchObject({ seatsTaken: 2, waiting: 1 });
    const told = (await app.mailbox()).filter((m) => m.to === '微信 visitor:wx:o-visitor-3');
    expect(told).toHaveLength(1);
    expect(told[0].subject).toContain('候补成功');

    // The one who cancelled may sign up again and joins the end of the line.
    const back = await signUp(event.id, visitor(1));
    expect(back.ok && back.data.signup).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });

  test('cancelling is refused from N hours before the start, and nothing changes', async () => {
    const event = await publish();
    await signUp(event.id, visitor(1));
    app.advance(48 * 60); // exactly 24 h before the start
    const before = await app.snapshot();
    const late = await app.call('openweek', 'cancelSignup', { eventId: event.id }, visitor(1));
    expect(late).toMatchObject({ ok: false, error: { code: 'CANCEL_TOO_LATE' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('signups are refused before the window opens and from the instant it closes', async () => {
    const event = await publish({ signupOpensAt: new Date(app.clock.getTime() + HOUR).toISOString() });
    expect(await signUp(event.id, visitor(1))).toMatchObject({ ok: false, error: { code: 'SIGNUP_NOT_OPEN' } });
    app.advance(60);
    expect((await signUp(event.id, visitor(1))).ok).toBe(true);
    app.advance(47 * 60); // at signupClosesAt
    expect(await signUp(event.id, visitor(2))).toMatchObject({ ok: false, error: { code: 'SIGNUP_CLOSED' } });
  });

  test('a signup needs the privacy notice accepted and the phone the event asks for', async () => {
    const event = await publish();
    const noPrivacy = await app.call('openweek', 'signUp', { eventId: event.id, name: '张三', phone: '13812345678' }, visitor(1));
    expect(noPrivacy).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { privacyAccepted: expect.stringContaining('个人信息') } } });
    const noPhone = await app.call('openweek', 'signUp', { eventId: event.id, name: '张三', privacyAccepted: true }, visitor(1));
    expect(noPhone).toMatchObject({ ok: false, error: { fields: { phone: '手机号：请填写' } } });
  });

  test('editing cannot shrink capacity below the seats taken; growing it promotes from the waitlist', async () => {
    const event = await publish();
    for (const n of [1, 2, 3]) await signUp(event.id, visitor(n));
    const current = (await app.ok('openweek', 'getManagedEvent', { eventId: event.id }, h.collective.caller)).event;
    const before = await app.snapshot();
    const shrink = await app.call('openweek', 'updateEvent', { ...eventInput(), eventId: event.id, version: current.version, capacity: 1 }, h.collective.caller);
    expect(shrink).toMatchObject({ ok: false, error: { code: 'CAPACITY_BELOW_TAKEN', fields: { capacity: expect.stringContaining('不能少于2') } } });
    expect(await app.snapshot()).toEqual(before);

    const grown = await app.ok('openweek', 'updateEvent', { ...eventInput(), eventId: event.id, version: current.version, capacity: 3 }, h.collective.caller);
    expect(grown.event).toMatchObject({ capacity: 3, seatsTaken: 3, waiting: 0 });
    expect((await app.ok('openweek', 'getEvent', { eventId: event.id }, visitor(3))).mySignup?.status).toBe('confirmed');
  });

  test('cancelling an event tells everyone signed up, waiting included', async () => {
    const event = await publish();
    for (const n of [1, 2, 3]) await signUp(event.id, visitor(n));
    await app.ok('openweek', 'cancelEvent', { eventId: event.id, reason: '台风预警' }, h.collective.caller);
    const told = (await app.mailbox()).filter((m) => m.subject.includes('活动已取消'));
    expect(told.map((m) => m.to).sort()).toEqual(['微信 visitor:wx:o-visitor-1', '微信 visitor:wx:o-visitor-2', '微信 visitor:wx:o-visitor-3']);
    expect(await signUp(event.id, visitor(4))).toMatchObject({ ok: false, error: { code: 'SIGNUP_CLOSED' } });
    expect((await app.ok('openweek', 'mySignups', {}, visitor(1))).items[0]).toMatchObject({ eventStatus: 'cancelled', status: 'confirmed' });
  });

  test('signups needing approval are pending until the collective approves; a rejection passes the seat on', async () => {
    const event = await publish({ requiresApproval: true, capacity: 1 });
    const a = await signUp(event.id, visitor(1));
    const b = await signUp(event.id, visitor(2));
    expect([a, b].map((r) => r.ok && r.data.signup.status)).toEqual(['pending', 'waitlisted']);
    const list = await app.ok('openweek', 'listSignups', { eventId: event.id }, h.collective.caller);
    expect(list.items[0]).toMatchObject({ name: '张三', phone: '13812345678', status: 'pending' });
    await app.ok('openweek', 'reviewSignup', { signupId: list.items[0].id, approve: false }, h.collective.caller);
    const pendingNow = (await app.ok('openweek', 'getEvent', { eventId: event.id }, visitor(2))).mySignup;
    expect(pendingNow?.status).toBe('pending');
    const approved = await app.ok('openweek', 'reviewSignup', { signupId: list.items[1].id, approve: true }, h.collective.caller);
    expect(approved.attendee.status).toBe('confirmed');
    expect(await signUp(event.id, visitor(1))).toMatchObject({ ok: false, error: { code: 'SIGNUP_REJECTED' } });
  });

  test('check-in: a code works once, only for its own event, only in the window, and counts live', async () => {
    const event = await publish();
    const other = await publish({ title: '另一场活动' });
    const mine = await signUp(event.id, visitor(1));
    const theirs = await signUp(other.id, visitor(2));
    const code = mine.ok ? mine.data.signup.checkInCode! : '';
    const otherCode = theirs.ok ? theirs.data.signup.checkInCode! : '';

    expect(await app.call('openweek', 'checkIn', { eventId: event.id, code }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'CHECKIN_WINDOW_CLOSED' } });
    app.advance(71 * 60); // one hour before the start: the window opens
    const collective = await fresh(h.collective);
    expect(await app.call('openweek', 'checkIn', { eventId: event.id, code: otherCode }, collective)).toMatchObject({ ok: false, error: { code: 'CHECKIN_CODE_UNKNOWN' } });
    const done = await app.ok('openweek', 'checkIn', { eventId: event.id, code: code.toLowerCase() }, collective);
    expect(done).toMatchObject({ checkedIn: 1, seatsTaken: 1, attendee: { name: '张三' } });
    const before = await app.snapshot();
    expect(await app.call('openweek', 'checkIn', { eventId: event.id, code }, collective)).toMatchObject({ ok: false, error: { code: 'ALREADY_CHECKED_IN' } });
    expect(await app.snapshot()).toEqual(before);
    expect((await app.ok('openweek', 'mySignups', { when: 'upcoming' }, visitor(1))).items[0].checkedInAt).not.toBeNull();
  });

  test('check-in from the attendee list: only a confirmed signup of the collective’s own event, once', async () => {
    const event = await publish({ capacity: 1 });
    const other = await publish({ title: '另一场活动' });
    await signUp(event.id, visitor(1), '张三');
    await signUp(event.id, visitor(2), '李四');
    await signUp(other.id, visitor(3), '王五');
    app.advance(71 * 60);
    const collective = await fresh(h.collective);
    const list = await app.ok('openweek', 'listSignups', { eventId: event.id }, collective);
    const byName = (name: string) => list.items.find((s) => s.name === name)!.id;
    const otherSignup = (await app.ok('openweek', 'listSignups', { eventId: other.id }, collective)).items[0].id;
    const countyCollective = await fresh(h.countyCollective);

    const before = await app.snapshot();
    expect(await app.call('openweek', 'checkIn', { eventId: event.id, signupId: otherSignup }, collective)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('openweek', 'checkIn', { eventId: event.id, signupId: byName('李四') }, collective)).toMatchObject({ ok: false, error: { code: 'CHECKIN_NOT_CONFIRMED' } });
    expect(await app.call('openweek', 'checkIn', { eventId: event.id }, collective)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { code: '签到码：请输入签到码，或在报名名单中选择参加者' } } });
    expect(await app.call('openweek', 'checkIn', { eventId: event.id, signupId: byName('张三') }, countyCollective)).toMatchObject({ ok: false });
    expect(await app.snapshot()).toEqual(before);

    const done = await app.ok('openweek', 'checkIn', { eventId: event.id, signupId: byName('张三') }, collective);
    expect(done).toMatchObject({ checkedIn: 1, seatsTaken: 1, attendee: { name: '张三' } });
    expect(await app.call('openweek', 'checkIn', { eventId: event.id, signupId: byName('张三') }, collective)).toMatchObject({ ok: false, error: { code: 'ALREADY_CHECKED_IN' } });
  });

  test('the attendee list exports as xlsx with full phones for the organizing collective', async () => {
    const event = await publish();
    await signUp(event.id, visitor(1), '张三', '13812345678');
    const file = await app.ok('openweek', 'exportAttendees', { eventId: event.id }, h.collective.caller);
    expect(file.filename).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = book.getWorksheet('报名名单')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).filter((v) => v !== undefined));
    expect(rows[2]).toEqual(expect.arrayContaining(['张三', '13812345678', '报名成功']));
  });

  test('my signups lists only the caller’s own, upcoming and past', async () => {
    const event = await publish();
    await signUp(event.id, visitor(1));
    await signUp(event.id, visitor(2), '李四', '13900001111');
    const mine = await app.ok('openweek', 'mySignups', { when: 'upcoming' }, visitor(1));
    expect(mine.items.map((s) => s.name)).toEqual(['张三']);
    app.advance(80 * 60);
    expect((await app.ok('openweek', 'mySignups', { when: 'upcoming' }, visitor(1))).items).toHaveLength(0);
    expect((await app.ok('openweek', 'mySignups', { when: 'past' }, visitor(1))).items).toHaveLength(1);
  });

  test('the day-before reminder goes once per confirmed signup, however often the job runs', async () => {
    const event = await publish({ capacity: 1 });
    await signUp(event.id, visitor(1));
    await signUp(event.id, visitor(2));
    await openweekReminders.run(app.deps);
    expect((await app.mailbox()).filter((m) => m.subject.includes('活动提醒'))).toHaveLength(0);
    app.advance(48 * 60); // 24 hours before the start
    await Promise.all([openweekReminders.run(app.deps), openweekReminders.run(app.deps)]);
    await openweekReminders.run(app.deps);
    const reminders = (await app.mailbox()).filter((m) => m.subject.includes('活动提醒'));
    expect(reminders.map((m) => m.to)).toEqual(['微信 visitor:wx:o-visitor-1']);
    expect(JOBS.openweekReminders).toBe(openweekReminders);
  });

  test('summary photos: only JPEG/PNG, only for the collective’s own event, kept in file storage', async () => {
    const event = await publish();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
    const uploaded = await app.ok('openweek', 'uploadPhoto', { eventId: event.id, contentType: 'image/png', base64: png.toString('base64') }, h.collective.caller);
    expect(uploaded.url).toMatch(new RegExp(`^/files/openweek/${event.id}/[0-9a-f]+\\.png$`));
    expect(readFileSync(join(app.dir, 'files', uploaded.url.slice('/files/'.length)))).toEqual(png);

    const before = await app.snapshot();
    const fake = await app.call('openweek', 'uploadPhoto', { eventId: event.id, contentType: 'image/jpeg', base64: png.toString('base64') }, h.collective.caller);
    expect(fake).toMatchObject({ ok: false, error: { code: 'PHOTO_INVALID' } });
    const other = await app.call('openweek', 'uploadPhoto', { eventId: event.id, contentType: 'image/png', base64: png.toString('base64') }, h.countyCollective.caller);
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('after the event the collective records a summary and the event is finished', async () => {
    const event = await publish();
    expect(await app.call('openweek', 'recordSummary', { eventId: event.id, summary: '共接待市民二十余人，反响良好。' }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'EVENT_NOT_ENDED' },
    });
    app.advance(76 * 60);
    const done = await app.ok('openweek', 'recordSummary', { eventId: event.id, summary: '共接待市民二十余人，反响良好。', photos: ['/files/a.jpg'] }, await fresh(h.collective));
    expect(done.event).toMatchObject({ status: 'finished', summaryPhotos: ['/files/a.jpg'] });
  });

  test('admins see their subtree’s events as counts, hide one with a reason, and read per-unit stats', async () => {
    const event = await publish();
    const county = await publish({ title: '护理岗位体验' }, h.countyCollective.caller);
    await signUp(event.id, visitor(1));
    const seen = await app.ok('openweek', 'adminListEvents', {}, h.admin1.caller);
    expect(seen.items.map((e) => e.id)).toEqual([event.id]);
    expect(JSON.stringify(seen)).not.toContain('13812345678');

    const before = await app.snapshot();
    expect(await app.call('openweek', 'hideEvent', { eventId: county.id, reason: '内容不当' }, h.admin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.snapshot()).toEqual(before);
    await app.ok('openweek', 'hideEvent', { eventId: event.id, reason: '内容不当' }, h.admin1.caller);
    expect((await app.ok('openweek', 'listEvents', {})).items.map((e) => e.id)).toEqual([county.id]);
    expect((await app.ok('admin', 'listAudit', { objectId: event.id }, h.admin1.caller)).items[0]).toMatchObject({ reason: '内容不当' });

    const visible = await publish({ title: '第二场' });
    await signUp(visible.id, visitor(2));
    app.advance(71 * 60);
    const code = (await app.ok('openweek', 'mySignups', {}, visitor(2))).items[0].checkInCode!;
    await app.ok('openweek', 'checkIn', { eventId: visible.id, code }, await fresh(h.collective));
    app.advance(60);
    const stats = await app.ok('openweek', 'stats', {}, await fresh(h.office));
    expect(stats.total).toMatchObject({ eventsHeld: 2, signups: 1, checkedIn: 1, attendanceRate: 1 });
    expect(stats.total.byType.siteVisit).toBe(2);
    expect(stats.rows.find((r) => r.unitName === '交通')).toMatchObject({ eventsHeld: 1, signups: 1 });
  });
});

describe('open-week authorization', () => {
  let app: TestApp;
  let h: Hierarchy;
  let eventId: string;
  let signupId: string;
  beforeAll(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    const draft = await app.ok(
      'openweek',
      'createEvent',
      { ...(await validEventFields(app)), requiresApproval: true },
      h.collective.caller,
    );
    eventId = draft.event.id;
    await app.ok('openweek', 'publishEvent', { eventId }, h.collective.caller);
    signupId = (await app.ok('openweek', 'signUp', { eventId, name: '张三', phone: '13812345678', privacyAccepted: true }, { openid: 'o-owner' })).signup.id;
  });
  afterAll(() => app.close());

  const collectiveActions = (): Array<[string, Record<string, unknown>]> => [
    ['updateEvent', { eventId, version: 2 }],
    ['publishEvent', { eventId }],
    ['cancelEvent', { eventId, reason: '不办了' }],
    ['getManagedEvent', { eventId }],
    ['listSignups', { eventId }],
    ['reviewSignup', { signupId, approve: false }],
    ['checkIn', { eventId, code: 'ABCDEFGH' }],
    ['exportAttendees', { eventId }],
    ['recordSummary', { eventId, summary: '活动很成功，感谢各位参与。' }],
  ];
  /** Collective actions on no event (a cover upload lands in the caller's own folder): refused to everyone else. */
  const eventlessCollectiveActions = (): Array<[string, Record<string, unknown>]> => [
    ['uploadCover', { contentType: 'image/png', base64: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]).toString('base64') }],
  ];

  test('another collective cannot touch the event, and the store is unchanged', async () => {
    for (const [action, input] of collectiveActions()) {
      const data = action === 'updateEvent' ? { ...input, ...(await validEventFields(app)) } : input;
      const before = await app.snapshot();
      const result = await app.call('openweek', action as 'publishEvent', data, h.countyCollective.caller);
      expect([action, result.ok ? 'ok' : result.error.code]).toEqual([action, 'NOT_IN_SCOPE']);
      expect(await app.snapshot()).toEqual(before);
    }
  });

  test('visitors and admins cannot call the collective’s actions', async () => {
    for (const [action, input] of [...collectiveActions(), ...eventlessCollectiveActions()]) {
      const before = await app.snapshot();
      const asVisitor = await app.call('openweek', action as 'publishEvent', input, { openid: 'o-owner' });
      expect([action, asVisitor.ok ? 'ok' : asVisitor.error.code]).toEqual([action, 'UNAUTHENTICATED']);
      const asAdmin = await app.call('openweek', action as 'publishEvent', input, h.admin1.caller);
      expect([action, asAdmin.ok ? 'ok' : asAdmin.error.code]).toEqual([action, 'FORBIDDEN']);
      expect(await app.snapshot()).toEqual(before);
    }
  });

  test('a visitor sees neither other people’s signups nor any phone number', async () => {
    const other = await app.ok('openweek', 'getEvent', { eventId }, { openid: 'o-stranger' });
    expect(other.mySignup).toBeNull();
    expect((await app.ok('openweek', 'mySignups', {}, { openid: 'o-stranger' })).items).toEqual([]);
    const owner = await app.ok('openweek', 'getEvent', { eventId }, { openid: 'o-owner' });
    expect(owner.mySignup?.phoneMasked).toBe('138****5678');
    const everything = JSON.stringify([
      other,
      owner,
      await app.ok('openweek', 'listEvents', {}),
      await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId }, { openid: 'o-owner' }),
      await app.ok('openweek', 'adminListEvents', {}, h.office.caller),
    ]);
    expect(everything).not.toContain('13812345678');
    // The signup list is the collective's only, and a visitor cannot cancel someone else's signup: they have none.
    const before = await app.snapshot();
    expect(await app.call('openweek', 'cancelSignup', { eventId }, { openid: 'o-stranger' })).toMatchObject({ ok: false, error: { code: 'SIGNUP_NOT_ACTIVE' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('an admin out of scope can neither list nor hide the event; in scope can', async () => {
    const before = await app.snapshot();
    expect(await app.call('openweek', 'hideEvent', { eventId, reason: '不当' }, h.countyAdmin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('openweek', 'adminListEvents', { unitId: h.units.station.id }, h.countyAdmin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('openweek', 'stats', { unitId: h.units.transport.id }, h.countyAdmin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('openweek', 'hideEvent', { eventId, reason: '不当' }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.snapshot()).toEqual(before);
    expect((await app.ok('openweek', 'adminListEvents', { unitId: h.units.station.id }, h.admin3.caller)).items).toHaveLength(1);
  });
});

describe('visitor identity', () => {
  let app: TestApp;
  let h: Hierarchy;
  let eventId: string;
  beforeAll(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    const draft = await app.ok('openweek', 'createEvent', await validEventFields(app), h.collective.caller);
    eventId = draft.event.id;
    await app.ok('openweek', 'publishEvent', { eventId }, h.collective.caller);
  });
  afterAll(() => app.close());
  const sign = (caller: Caller) => app.call('openweek', 'signUp', { eventId, name: '访客', phone: '13812345678', privacyAccepted: true }, caller);

  test('without a visitor identity a signup is refused and nothing is written', async () => {
    const before = await app.snapshot();
    expect(await sign({})).toMatchObject({ ok: false, error: { code: 'VISITOR_REQUIRED' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a forged, altered or session token is no visitor; a token the server issued is', async () => {
    const { visitorToken } = await app.ok('openweek', 'startVisit', {});
    expect(visitorToken).toBeTruthy();
    const [v, id, exp, mac] = visitorToken!.split('.');
    const before = await app.snapshot();
    for (const forged of [`${v}.${id}x.${exp}.${mac}`, `${v}.${id}.${Number(exp) + 1}.${mac}`, `${v}.AAAAAAAAAAAAAAAAAAAA.${exp}.${mac}`, h.collective.token, 'v1.x.y.z']) {
      expect(await sign({ visitorToken: forged })).toMatchObject({ ok: false, error: { code: 'VISITOR_REQUIRED' } });
    }
    expect(await app.snapshot()).toEqual(before);
    const ok = await sign({ visitorToken: visitorToken! });
    if (!ok.ok) throw new Error(ok.error.message);
    // The signup is the token's visitor's, under an id that does not carry the visitor id.
    expect((await app.store.get<SignupDoc>('signups', ok.data.signup.id))?.visitorId).toBe(`h5:${id}`);
    expect(ok.data.signup.id).not.toContain(id);
  });

  test('an expired visitor token is refused', async () => {
    const { visitorToken } = await app.ok('openweek', 'startVisit', {});
    app.advance(366 * 24 * 60);
    expect(await app.call('openweek', 'mySignups', {}, { visitorToken: visitorToken! })).toMatchObject({ ok: false, error: { code: 'VISITOR_REQUIRED' } });
    app.advance(-366 * 24 * 60);
  });

  test('startVisit keeps a valid token, and issues none in the mini-program (the OPENID is the visitor)', async () => {
    const { visitorToken } = await app.ok('openweek', 'startVisit', {});
    expect((await app.ok('openweek', 'startVisit', {}, { visitorToken: visitorToken! })).visitorToken).toBe(visitorToken);
    expect((await app.ok('openweek', 'startVisit', {}, { openid: 'o-x' })).visitorToken).toBeNull();
  });

  test('a signed-in collective member in WeChat is also a visitor by OPENID, separate from the account', async () => {
    const result = await sign({ openid: 'o-member', token: h.countyCollective.token });
    if (!result.ok) throw new Error(result.error.message);
    expect((await app.store.get<SignupDoc>('signups', result.data.signup.id))?.visitorId).toBe('wx:o-member');
    expect(result.data.signup.id).not.toContain('o-member');
  });
});

/** An event starting in 2 hours whose signups close in 1: valid at any time the tests move the clock to. */
async function validEventFields(app: TestApp) {
  const now = app.clock.getTime();
  return eventFields(now, await firstCampaignId(app), {
    type: 'policy',
    title: '政策宣讲',
    description: '介绍公交优惠政策。',
    startAt: new Date(now + 2 * HOUR).toISOString(),
    endAt: new Date(now + 4 * HOUR).toISOString(),
    address: '岳阳市公交站',
    capacity: 5,
    signupClosesAt: new Date(now + HOUR).toISOString(),
    cancelHoursBefore: 0,
  });
}

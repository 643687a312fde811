import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, TestApp } from '../support/harness';
import { eventFields, firstCampaignId, HOUR } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

describe('a collective’s public page', () => {
  let app: TestApp;
  let h: Hierarchy;
  let campaignId: string;

  /** An event `startIn` hours from now lasting `hours`, signups open from an hour ago until its start. */
  const fields = (title: string, startIn: number, hours = 1) => {
    const now = app.clock.getTime();
    return eventFields(now, campaignId, {
      title,
      startAt: new Date(now + startIn * HOUR).toISOString(),
      endAt: new Date(now + (startIn + hours) * HOUR).toISOString(),
      capacity: 3,
      signupClosesAt: new Date(now + startIn * HOUR).toISOString(),
      cancelHoursBefore: 0,
    });
  };
  const draft = async (title: string, startIn: number, by: Caller = h.collective.caller) =>
    (await app.ok('openweek', 'createEvent', fields(title, startIn), by)).event.id;
  const publish = async (title: string, startIn: number, by: Caller = h.collective.caller) => {
    const eventId = await draft(title, startIn, by);
    await app.ok('openweek', 'publishEvent', { eventId }, by);
    return eventId;
  };
  const page = (collectiveId: string, more: Record<string, unknown> = {}, caller: Caller = {}) =>
    app.call('openweek', 'collectivePage', { collectiveId, ...more }, caller);
  const fresh = async (who: Hierarchy['collective']): Promise<Caller> => ({
    token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token,
  });

  /**
   * Two events held (one with its summary), two coming; beside them a draft, a cancelled and a hidden
   * event of the same collective, and another collective's event: none of those may show.
   */
  async function seedEvents(): Promise<void> {
    const first = await publish('第一场：调度中心开放日', 2);
    await publish('第二场：站务岗位体验', 5);
    await publish('第三场：公交安全宣传', 72);
    await publish('第四场：线路规划公开评议', 96);
    await draft('草稿：尚未发布的活动', 48);
    const cancelled = await publish('已取消的活动', 24);
    await app.ok('openweek', 'cancelEvent', { eventId: cancelled, reason: '台风预警' }, h.collective.caller);
    const hidden = await publish('被屏蔽的活动', 30);
    await app.ok('openweek', 'hideEvent', { eventId: hidden, reason: '内容不当' }, h.admin1.caller);
    await publish('县医院护理体验', 10, h.countyCollective.caller);
    await app.ok('openweek', 'signUp', { eventId: first, name: '张三', phone: '13812345678', privacyAccepted: true }, { openid: 'o-visitor-1' });
    app.advance(7 * 60); // the first two are over
    await app.ok('openweek', 'recordSummary', { eventId: first, summary: '共接待市民二十余人，反响良好。' }, await fresh(h.collective));
  }

  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    campaignId = await firstCampaignId(app);
  });
  afterEach(() => app.close());

  test('anyone sees its name, its 行业 and unit, its counts, and its public events: coming ones soonest first, then held ones latest first with their summary', async () => {
    await seedEvents();
    const result = await page(h.collective.accountId);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.collective).toEqual({
      id: h.collective.accountId,
      name: '岳阳市公交一路青年班组',
      unit: { id: h.units.station.id, name: '城区公交站' },
      channel: { id: h.units.transport.id, name: '交通', kind: 'industry' },
    });
    expect(result.data.counts).toEqual({ eventsHeld: 2, upcoming: 2 });
    expect(result.data.items.map((e) => [e.title, e.when, e.status])).toEqual([
      ['第三场：公交安全宣传', 'upcoming', 'published'],
      ['第四场：线路规划公开评议', 'upcoming', 'published'],
      ['第二场：站务岗位体验', 'past', 'published'],
      ['第一场：调度中心开放日', 'past', 'finished'],
    ]);
    expect(result.data.items.map((e) => e.summary)).toEqual([null, null, null, '共接待市民二十余人，反响良好。']);
    expect(result.data.items[0]).toMatchObject({ collectiveId: h.collective.accountId, collectiveName: '岳阳市公交一路青年班组', seatsLeft: 3 });
    expect(result.data.nextCursor).toBeNull();

    const county = await app.ok('openweek', 'collectivePage', { collectiveId: h.countyCollective.accountId });
    expect(county.collective.channel).toEqual({ id: h.units.county.id, name: '岳阳县', kind: 'region' });
    expect(county.items.map((e) => e.title)).toEqual(['县医院护理体验']);
    expect(county.counts).toEqual({ eventsHeld: 0, upcoming: 1 });
  });

  test('an event that has started counts as held, and moves from the coming part to the held part', async () => {
    await publish('即将开始的活动', 1, h.collective.caller);
    expect((await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId })).counts).toEqual({ eventsHeld: 0, upcoming: 1 });
    app.advance(61);
    const running = await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId });
    expect(running.counts).toEqual({ eventsHeld: 1, upcoming: 0 });
    expect(running.items.map((e) => e.when)).toEqual(['past']);
  });

  test('paging by cursor walks every public event once, in order, whatever the page size, never more than a page', async () => {
    await seedEvents();
    const everything = (await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId })).items.map((e) => e.id);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const next = await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId, limit, cursor });
        expect(next.items.length).toBeLessThanOrEqual(limit);
        expect(next.counts).toEqual({ eventsHeld: 2, upcoming: 2 });
        seen.push(...next.items.map((e) => e.id));
        cursor = next.nextCursor ?? undefined;
      } while (cursor);
      expect([limit, seen]).toEqual([limit, everything]);
    }
  });

  test('a cursor the server did not hand out is refused at its field', async () => {
    await seedEvents();
    for (const cursor of ['somewhere:abc', 'upcoming:', 'past:not-a-cursor']) {
      expect(await page(h.collective.accountId, { cursor })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { cursor: expect.any(String) } } });
    }
  });

  test('a collective with an account but nothing published yet has its page, empty', async () => {
    await draft('草稿：尚未发布的活动', 48);
    expect(await app.ok('openweek', 'collectivePage', { collectiveId: h.collective.accountId })).toMatchObject({
      collective: { name: '岳阳市公交一路青年班组' },
      counts: { eventsHeld: 0, upcoming: 0 },
      items: [],
      nextCursor: null,
    });
  });

  test('an unknown id, an admin’s account, or a cancelled collective with nothing public is not found, in Chinese', async () => {
    await app.ok('admin', 'cancelAccount', { accountId: h.countyCollective.accountId, reason: '集体撤销' }, h.office.caller);
    for (const collectiveId of ['no-such-collective', h.admin1.accountId, h.office.accountId, h.countyCollective.accountId]) {
      const result = await page(collectiveId);
      expect([collectiveId, result]).toEqual([collectiveId, { ok: false, error: { code: 'NOT_FOUND', message: '未找到该集体的公开主页' } }]);
    }
  });

  test('a cancelled collective keeps its page while it has public events', async () => {
    await publish('县医院护理体验', 10, h.countyCollective.caller);
    await app.ok('admin', 'cancelAccount', { accountId: h.countyCollective.accountId, reason: '集体撤销' }, h.office.caller);
    const kept = await app.ok('openweek', 'collectivePage', { collectiveId: h.countyCollective.accountId });
    expect(kept.collective.name).toBe('岳阳县人民医院青年护理组');
    expect(kept.items.map((e) => e.title)).toEqual(['县医院护理体验']);
  });

  test('whoever asks gets the same answer, with no phone, no signup and no code in it, and nothing changes', async () => {
    await seedEvents();
    const before = await app.snapshot();
    const callers: Caller[] = [{}, { openid: 'o-visitor-1' }, h.collective.caller, h.admin1.caller, h.countyAdmin1.caller];
    const answers = [];
    for (const caller of callers) {
      const result = await page(h.collective.accountId, {}, caller);
      expect(result.ok).toBe(true);
      answers.push(JSON.stringify(result));
    }
    expect(new Set(answers).size).toBe(1);
    const signup = (await app.ok('openweek', 'mySignups', { when: 'past' }, { openid: 'o-visitor-1' })).items[0];
    for (const secret of ['13812345678', '138****5678', '张三', 'o-visitor-1', signup.id, signup.checkInCode!, h.collective.code, 'hiddenReason', 'version']) {
      expect([secret, answers[0].includes(secret)]).toEqual([secret, false]);
    }
    expect(await app.snapshot()).toEqual(before);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../cloudfunctions/local-host/config';
import { startLocalHost, type RunningHost } from '../../cloudfunctions/local-host/main';
import { CROWD_FROM_ONE_ADDRESS, publishedEvent, signUpBody, visitors, type Post } from '../support/openweek-http';

/**
 * The rush: a popular event opens and 500 people tap 报名 at once. Through the local host over real
 * HTTP, the 50 seats hold: exactly 50 confirmed and 450 waiting, none lost, none twice; then 10
 * cancellations promote exactly the first 10 in line, in order.
 */
describe('a 50-seat event under a rush of 500 signups', () => {
  let dir: string;
  let host: RunningHost;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qnwmh-rush-'));
    host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dir, SCRYPT_COST: '10', DEMO: '1', JOBS: '0', H5_DIR: join(dir, 'no-h5'), ...CROWD_FROM_ONE_ADDRESS }));
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function allSignups(post: Post, eventId: string, auth: Record<string, string>) {
    const items: Array<{ id: string; status: string; name: string; waitOrder: number | null }> = [];
    let cursor: string | null = null;
    do {
      const page = await post('openweek', 'listSignups', { eventId, limit: 50, ...(cursor ? { cursor } : {}) }, auth);
      items.push(...page.body.data.items);
      cursor = page.body.data.nextCursor;
    } while (cursor);
    return items;
  }

  test('exactly 50 confirmed and 450 waitlisted, none lost or duplicated; 10 cancellations promote the first 10 in order, and 10 at once the next 10', async () => {
    const { post, collective, eventId } = await publishedEvent(host, 50);
    const people = await visitors(post, 500);

    const answers = await Promise.all(people.map((headers, i) => post('openweek', 'signUp', signUpBody(eventId, i), headers)));
    expect(answers.every((a) => a.status === 200 && a.body.ok)).toBe(true);
    const statuses = answers.map((a) => a.body.data.signup.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(450);

    // A retry storm from the first 100 returns their existing signups and changes nothing.
    const retries = await Promise.all(people.slice(0, 100).map((headers, i) => post('openweek', 'signUp', signUpBody(eventId, i), headers)));
    expect(retries.every((a) => a.body.ok && a.body.data.alreadySignedUp === true)).toBe(true);
    expect(retries.map((a) => a.body.data.signup.status)).toEqual(statuses.slice(0, 100));

    const stored = await allSignups(post, eventId, collective);
    expect(stored).toHaveLength(500);
    expect(new Set(stored.map((s) => s.id)).size).toBe(500);
    expect(new Set(stored.map((s) => s.name)).size).toBe(500);
    expect(stored.filter((s) => s.status === 'confirmed')).toHaveLength(50);
    const waiting = stored.filter((s) => s.status === 'waitlisted').sort((a, b) => a.waitOrder! - b.waitOrder!);
    // Each waiting person has a place of their own, and was told it: the positions answered are 1…450 in key order.
    expect(new Set(waiting.map((s) => s.waitOrder)).size).toBe(450);
    const told = new Map(answers.map((a) => [a.body.data.signup.id as string, a.body.data.signup.waitlistPosition as number | null]));
    expect(waiting.map((s) => told.get(s.id))).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    let event = (await post('openweek', 'getManagedEvent', { eventId }, collective)).body.data.event;
    expect(event).toMatchObject({ capacity: 50, seatsTaken: 50, waiting: 450, seatsLeft: 0 });

    // Ten confirmed people cancel one after another: each freed seat goes to the next in line, in order.
    const confirmedIdx = statuses.map((s, i) => (s === 'confirmed' ? i : -1)).filter((i) => i >= 0).slice(0, 10);
    const personOf = (name: string) => people[Number(name.replace('市民', ''))];
    for (const [k, i] of confirmedIdx.entries()) {
      const cancelled = await post('openweek', 'cancelSignup', { eventId }, people[i]);
      expect(cancelled.body.ok && cancelled.body.data.signup.status).toBe('cancelled');
      const promotedNow = await post('openweek', 'getEvent', { eventId }, personOf(waiting[k].name));
      expect(promotedNow.body.data.mySignup.status).toBe('confirmed');
      const next = await post('openweek', 'getEvent', { eventId }, personOf(waiting[k + 1].name));
      expect(next.body.data.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    }

    const after = await allSignups(post, eventId, collective);
    const firstTen = new Set(waiting.slice(0, 10).map((s) => s.id));
    const promoted = after.filter((s) => firstTen.has(s.id));
    expect(promoted.map((s) => s.status)).toEqual(Array(10).fill('confirmed'));
    expect(after.filter((s) => s.status === 'confirmed')).toHaveLength(50);
    expect(after.filter((s) => s.status === 'waitlisted')).toHaveLength(440);
    expect(after.filter((s) => s.status === 'cancelled')).toHaveLength(10);
    const stillWaiting = after.filter((s) => s.status === 'waitlisted').map((s) => s.waitOrder!).sort((a, b) => a - b);
    expect(stillWaiting[0]).toBe(waiting[10].waitOrder);
    event = (await post('openweek', 'getManagedEvent', { eventId }, collective)).body.data.event;
    expect(event).toMatchObject({ seatsTaken: 50, waiting: 440 });

    // Ten more cancel at the same instant: the next ten in line, exactly, take the seats.
    const stillConfirmed = after.filter((s) => s.status === 'confirmed' && !firstTen.has(s.id)).slice(0, 10);
    const together = await Promise.all(stillConfirmed.map((s) => post('openweek', 'cancelSignup', { eventId }, personOf(s.name))));
    expect(together.every((a) => a.body.ok)).toBe(true);
    const final = await allSignups(post, eventId, collective);
    const nextTen = new Set(waiting.slice(10, 20).map((s) => s.id));
    expect(final.filter((s) => nextTen.has(s.id)).map((s) => s.status)).toEqual(Array(10).fill('confirmed'));
    expect(final.filter((s) => s.status === 'confirmed')).toHaveLength(50);
    expect(final.filter((s) => s.status === 'waitlisted').map((s) => s.waitOrder!).sort((a, b) => a - b)[0]).toBe(waiting[20].waitOrder);
  }, 120_000);

  test('over HTTP the visitor token is read from its header only; a forged one is refused', async () => {
    const { post, eventId } = await publishedEvent(host, 5, '第二场');
    const response = await fetch(`${host.url}/api/openweek`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'signUp', data: signUpBody(eventId, 1), visitorToken: 'v1.x.1.y', openid: 'o-fake' }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('VISITOR_REQUIRED');
    const forged = await post('openweek', 'signUp', signUpBody(eventId, 1), { 'x-visitor-token': 'v1.AAAAAAAAAAAAAAAAAAAA.99999999999999.forged' });
    expect(forged).toMatchObject({ status: 401, body: { ok: false, error: { code: 'VISITOR_REQUIRED' } } });
  });

  test('an uploaded summary photo is served back at its URL; keys outside the files folder are not', async () => {
    const { post, collective, eventId } = await publishedEvent(host, 5, '第三场');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const uploaded = await post('openweek', 'uploadPhoto', { eventId, contentType: 'image/png', base64: png.toString('base64') }, collective);
    const response = await fetch(`${host.url}${uploaded.body.data.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    expect((await fetch(`${host.url}/files/..%2Fqnwmh.sqlite`)).status).toBe(404);
    expect((await fetch(`${host.url}/files/nothing.png`)).status).toBe(404);
  });
});

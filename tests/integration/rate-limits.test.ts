import type { Caller } from '../../cloudfunctions/app/context';
import type { RateLimitDoc } from '../../cloudfunctions/app/collections';
import { purgeRateLimits } from '../../cloudfunctions/app/jobs/purge-rate-limits';
import { PasswordHasher } from '../../cloudfunctions/app/security/passwords';
import { findAll } from '../../cloudfunctions/app/ports/store';
import type { Envelope } from '../../shared/envelope';
import { seedHierarchy, TestApp } from '../support/harness';
import { eventFields, firstCampaignId } from '../support/openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/** The real hasher, counting the scrypt runs it is asked for: evidence of work done, not of time taken. */
class CountingHasher extends PasswordHasher {
  runs = 0;
  override async verify(password: string, stored: string): Promise<boolean> {
    this.runs++;
    return super.verify(password, stored);
  }
  override async verifyNothing(password: string): Promise<void> {
    this.runs++;
    return super.verifyNothing(password);
  }
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const from = (ip: string, caller: Caller = {}): Caller => ({ ...caller, ip });
/** Sessions last 12 hours: a day later the holder signs in again. */
async function signedInAgain(app: TestApp, who: { code: string; password: string }): Promise<Caller> {
  return { token: (await app.ok('account', 'signIn', { code: who.code, password: who.password })).token };
}
const codeOf = (answer: Envelope<unknown>) => (answer.ok ? 'ok' : answer.error.code);

/** `times` calls pass (whatever else they answer), the next is refused as rate limited. */
async function passThenRefuse(times: number, call: (i: number) => Promise<Envelope<unknown>>) {
  for (let i = 0; i < times; i++) {
    const answer = await call(i);
    if (!answer.ok) expect(answer.error.code).not.toBe('RATE_LIMITED');
  }
  return call(times);
}

describe('rate limits answer RATE_LIMITED at their threshold and recover after the window', () => {
  let app: TestApp;
  let h: Hierarchy;
  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
  });
  afterEach(() => app.close());

  test('sign-in: 60 attempts from one address in 10 minutes, the 61st is told to wait 10 minutes; other addresses are not affected', async () => {
    const refused = await passThenRefuse(60, (i) => app.call('account', 'signIn', { code: `JTNOSUCH${i}`, password: 'Wrong1234' }, from('203.0.113.9')));
    expect(refused).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作过于频繁，请在 10 分钟后重试', retryAfterSeconds: 600 } });
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password }, from('203.0.113.9'))).ok).toBe(false);
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password }, from('198.51.100.7'))).ok).toBe(true);

    app.advance(9);
    expect(await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password }, from('203.0.113.9'))).toMatchObject({
      error: { code: 'RATE_LIMITED', message: '操作过于频繁，请在 1 分钟后重试', retryAfterSeconds: 60 },
    });
    app.advance(1);
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: h.collective.password }, from('203.0.113.9'))).ok).toBe(true);
  });

  test('recovery mail: three to one address per hour, the fourth sends nothing; ten requests per network address', async () => {
    await app.ok('account', 'setRecoveryEmail', { email: 'team@example.com', password: h.collective.password }, h.collective.caller);
    const refused = await passThenRefuse(3, (i) =>
      app.call('account', i % 2 ? 'requestCodeReminder' : 'requestPasswordReset', { email: 'team@example.com' }, from(`203.0.113.${i + 1}`)),
    );
    expect(refused).toMatchObject({ error: { code: 'RATE_LIMITED', message: '操作过于频繁，请在 60 分钟后重试', retryAfterSeconds: 3600 } });
    expect(await app.mailbox()).toHaveLength(3);
    app.advance(60);
    expect((await app.call('account', 'requestCodeReminder', { email: 'team@example.com' }, from('203.0.113.8'))).ok).toBe(true);
    expect(await app.mailbox()).toHaveLength(4);

    const fromOneAddress = await passThenRefuse(10, (i) => app.call('account', 'requestCodeReminder', { email: `someone${i}@example.com` }, from('198.51.100.20')));
    expect(fromOneAddress).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 3600 } });
  });

  test('visits: one address gets 60 visitor tokens in 10 minutes, then waits', async () => {
    const refused = await passThenRefuse(60, () => app.call('openweek', 'startVisit', {}, from('203.0.113.30')));
    expect(refused).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 600 } });
    // A visitor who already holds a token keeps it without costing anything more; the mini-program needs none.
    const held = await app.ok('openweek', 'startVisit', {}, from('203.0.113.31'));
    expect((await app.call('openweek', 'startVisit', {}, from('203.0.113.30', { visitorToken: held.visitorToken! }))).ok).toBe(true);
    expect(await app.ok('openweek', 'startVisit', {}, from('203.0.113.30', { openid: 'o-phone' }))).toEqual({ visitorToken: null });
    app.advance(10);
    expect((await app.call('openweek', 'startVisit', {}, from('203.0.113.30'))).ok).toBe(true);
  });

  describe('signups', () => {
    const signUp = (eventId: string, who: Caller, i = 0) =>
      app.call('openweek', 'signUp', { eventId, name: `市民${i}`, phone: `138${String(i).padStart(8, '0')}`, privacyAccepted: true }, who);
    const publish = async () => {
      const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), await firstCampaignId(app), { capacity: 5 }), h.collective.caller);
      return (await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller)).event.id;
    };

    test('one visitor: 20 signups (retries included) an hour, wherever they come from', async () => {
      const eventId = await publish();
      const refused = await passThenRefuse(20, (i) => signUp(eventId, { openid: 'o-eager', ip: `203.0.113.${i}` }));
      expect(refused).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 3600 } });
      app.advance(60);
      expect(await signUp(eventId, { openid: 'o-eager', ip: '203.0.113.99' })).toMatchObject({ ok: true, data: { alreadySignedUp: true } });
    });

    test('one address: 100 signups in 10 minutes, by as many visitors', async () => {
      const eventId = await publish();
      const refused = await passThenRefuse(100, (i) => signUp(eventId, { openid: `o-crowd-${i}`, ip: '203.0.113.50' }, i));
      expect(refused).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 600 } });
      expect(await app.store.count('signups', { eventId })).toBe(100);
      expect(await signUp(eventId, { openid: 'o-elsewhere', ip: '203.0.113.51' }, 101)).toMatchObject({ ok: true });
      app.advance(10);
      expect(await signUp(eventId, { openid: 'o-crowd-100', ip: '203.0.113.50' }, 100)).toMatchObject({ ok: true });
    });

    test('mini-program callers whose address WeChat left out count per WeChat user, not all together', async () => {
      const eventId = await publish();
      for (let i = 0; i < 101; i++) expect(await signUp(eventId, { openid: `o-no-address-${i}` }, i)).toMatchObject({ ok: true });
    });
  });

  test('uploads: a collective stores 100 images a day, covers and summary photos together', async () => {
    const cover = (caller = h.collective.caller) => app.call('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, caller);
    const refused = await passThenRefuse(100, () => cover());
    expect(refused).toMatchObject({ error: { code: 'RATE_LIMITED', message: '操作过于频繁，请在 24 小时后重试', retryAfterSeconds: 86_400 } });
    const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), await firstCampaignId(app)), h.collective.caller);
    expect(await app.call('openweek', 'uploadPhoto', { eventId: draft.event.id, contentType: 'image/png', base64: PNG.toString('base64') }, h.collective.caller)).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    });
    expect((await app.call('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, h.countyCollective.caller)).ok).toBe(true);
    app.advance(24 * 60);
    expect((await cover(await signedInAgain(app, h.collective))).ok).toBe(true);
  });
});

describe('the bytes a collective uploads per day', () => {
  test('an upload that would pass the day’s bytes is refused; smaller ones and the next day pass', async () => {
    const app = new TestApp({ limits: { uploadBytesPerCollective: { limit: 3 * PNG.length, windowSeconds: 86_400 } } });
    try {
      const h = await seedHierarchy(app);
      const cover = (caller = h.collective.caller) => app.call('openweek', 'uploadCover', { contentType: 'image/png', base64: PNG.toString('base64') }, caller);
      expect(await passThenRefuse(3, () => cover())).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 86_400 } });
      app.advance(24 * 60);
      expect((await cover(await signedInAgain(app, h.collective))).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('wrong passwords and the lock-out (the code locked for everyone after 3 addresses here)', () => {
  let app: TestApp;
  let h: Hierarchy;
  let hasher: CountingHasher;
  beforeEach(async () => {
    app = new TestApp({ limits: { signInLockedAddresses: { limit: 3, windowSeconds: 3600 } } });
    h = await seedHierarchy(app);
    hasher = new CountingHasher(10);
    app.deps.passwords = hasher;
  });
  afterEach(() => app.close());

  const attempt = (code: string, password: string, ip: string) => app.call('account', 'signIn', { code, password }, from(ip));

  test('a storm of unknown codes from one address runs scrypt 60 times, not 200', async () => {
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(codeOf(await attempt(`JTSTORM${i}`, 'Guess1234', '203.0.113.66')));
    expect(hasher.runs).toBe(60);
    expect(answers.filter((c) => c === 'WRONG_CREDENTIALS')).toHaveLength(60);
    expect(answers.filter((c) => c === 'RATE_LIMITED')).toHaveLength(140);
  });

  test('an address locked out of a code stops costing scrypt: the IP limit and the lock are checked before the hash', async () => {
    for (let i = 0; i < 5; i++) await attempt('JTNOSUCH1', 'Guess1234', '203.0.113.67');
    const before = hasher.runs;
    for (let i = 0; i < 20; i++) expect(codeOf(await attempt('JTNOSUCH1', 'Guess1234', '203.0.113.67'))).toBe('TOO_MANY_ATTEMPTS');
    expect(hasher.runs).toBe(before);
  });

  test('an unknown code gets exactly the answers a known one gets, through the lock-out', async () => {
    const sequence = async (code: string, ip: string) => {
      const answers = [];
      for (let i = 0; i < 7; i++) answers.push(await attempt(code, 'Wrong1234', ip));
      return answers;
    };
    const known = await sequence(h.collective.code, '203.0.113.70');
    const unknown = await sequence('JTNOSUCH9', '203.0.113.71');
    expect(unknown).toEqual(known);
    expect(known.map(codeOf)).toEqual(['WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
    expect(known[4]).toEqual({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: '密码错误次数过多，请在 15 分钟后重试', retryAfterSeconds: 900 } });
  });

  test('a stranger failing again and again from one address does not lock the holder out from another', async () => {
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 10; i++) await attempt(h.collective.code, 'Guess1234', '203.0.113.80');
      expect(codeOf(await attempt(h.collective.code, h.collective.password, '203.0.113.80'))).toBe('TOO_MANY_ATTEMPTS');
      expect(codeOf(await attempt(h.collective.code, h.collective.password, '198.51.100.7'))).toBe('ok');
      app.advance(15);
    }
    expect((await app.account(h.collective.code)).lockedUntil).toBeNull();
  });

  test('the holder’s own right password clears the wrong ones before it', async () => {
    for (let i = 0; i < 4; i++) await attempt(h.collective.code, 'Typo1234', '198.51.100.7');
    expect(codeOf(await attempt(h.collective.code, h.collective.password, '198.51.100.7'))).toBe('ok');
    for (let i = 0; i < 4; i++) expect(codeOf(await attempt(h.collective.code, 'Typo1234', '198.51.100.7'))).toBe('WRONG_CREDENTIALS');
  });

  test('after three addresses are locked out, the code is locked everywhere for 15 minutes, known or not', async () => {
    for (const code of [h.collective.code, 'JTNOSUCH7']) {
      for (let address = 1; address <= 3; address++) {
        for (let i = 0; i < 5; i++) await attempt(code, 'Guess1234', `203.0.113.${address}`);
      }
    }
    const holder = await attempt(h.collective.code, h.collective.password, '198.51.100.7');
    expect(holder).toEqual({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: '密码错误次数过多，请在 15 分钟后重试', retryAfterSeconds: 900 } });
    expect(await attempt('JTNOSUCH7', 'Guess1234', '198.51.100.7')).toEqual(holder);
    expect((await app.account(h.collective.code)).lockedUntil).toBe(new Date(app.clock.getTime() + 15 * 60_000).toISOString());
    app.advance(15);
    expect(codeOf(await attempt(h.collective.code, h.collective.password, '198.51.100.7'))).toBe('ok');
  });
});

describe('expired rate-limit counters', () => {
  test('are purged by their job; counters whose window is still open stay', async () => {
    const app = new TestApp();
    try {
      await app.ok('openweek', 'startVisit', {}, from('203.0.113.1'));
      app.advance(30);
      await app.ok('openweek', 'startVisit', {}, from('203.0.113.2'));
      expect(await findAll<RateLimitDoc>(app.store, 'rateLimits', { orderBy: { fields: [], direction: 'asc' } })).toHaveLength(2);
      await purgeRateLimits.run(app.deps);
      const left = await findAll<RateLimitDoc>(app.store, 'rateLimits', { orderBy: { fields: [], direction: 'asc' } });
      expect(left.map((c) => c.expiresAt)).toEqual([new Date(app.clock.getTime() + 10 * 60_000).toISOString()]);
      // The purged address starts afresh.
      expect((await app.call('openweek', 'startVisit', {}, from('203.0.113.1'))).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});

import type { RateLimiter, RateRule } from '../../cloudfunctions/app/ports/rate-limiter';

/**
 * What every rate limiter must do, on every store it runs on. `instances` answers the limiter of one more
 * function instance each time it is called (for the store's limiter, one more connection to the same store):
 * counters must hold across them. A limiter of one process answers itself every time.
 */
export type Limiters = () => Promise<{ instances: () => RateLimiter; cleanup: () => Promise<void> }>;

const T0 = new Date('2018-11-20T02:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const perMinute = (limit: number): RateRule => ({ limit, windowSeconds: 60 });

export function describeRateLimiterContract(name: string, makeLimiters: Limiters): void {
  describe(`${name}: the rate limiter`, () => {
    let instances: () => RateLimiter;
    let cleanup: () => Promise<void>;
    const limiter = () => instances();

    beforeEach(async () => {
      ({ instances, cleanup } = await makeLimiters());
    });
    afterEach(async () => cleanup());

    test('allows up to the limit, refuses the next with the seconds left in the window, and counts nothing it refuses', async () => {
      const l = limiter();
      for (let i = 0; i < 3; i++) expect(await l.hit('k', perMinute(3), later(i))).toEqual({ allowed: true });
      expect(await l.hit('k', perMinute(3), later(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
      expect(await l.hit('k', perMinute(3), later(59.5))).toEqual({ allowed: false, retryAfterSeconds: 1 });
      expect(await l.hit('k', perMinute(3), later(60))).toEqual({ allowed: true });
      expect(await l.hit('k', perMinute(3), later(61))).toEqual({ allowed: true });
    });

    test('keys count apart', async () => {
      const l = limiter();
      expect(await l.hit('a', perMinute(1), T0)).toEqual({ allowed: true });
      expect(await l.hit('b', perMinute(1), T0)).toEqual({ allowed: true });
      expect((await l.hit('a', perMinute(1), T0)).allowed).toBe(false);
    });

    test('a cost counts that many units: what does not fit is refused, what still fits passes', async () => {
      const l = limiter();
      const bytes = { limit: 1000, windowSeconds: 86_400 };
      expect(await l.hit('bytes', bytes, T0, 700)).toEqual({ allowed: true });
      expect((await l.hit('bytes', bytes, T0, 400)).allowed).toBe(false);
      expect(await l.hit('bytes', bytes, T0, 300)).toEqual({ allowed: true });
      expect(await l.hit('huge', bytes, T0, 1001)).toEqual({ allowed: false, retryAfterSeconds: 86_400 });
    });

    test('peek tells whether one more would pass and counts nothing; reset forgets the count', async () => {
      const l = limiter();
      expect(await l.peek('p', perMinute(1), T0)).toEqual({ allowed: true });
      expect(await l.hit('p', perMinute(1), T0)).toEqual({ allowed: true });
      expect(await l.peek('p', perMinute(1), later(15))).toEqual({ allowed: false, retryAfterSeconds: 45 });
      expect(await l.peek('p', perMinute(1), later(60))).toEqual({ allowed: true });
      await l.reset('p');
      expect(await l.peek('p', perMinute(1), later(15))).toEqual({ allowed: true });
      expect(await l.hit('p', perMinute(1), later(15))).toEqual({ allowed: true });
    });

    test('many instances hitting a new key at once allow exactly the limit', async () => {
      const decisions = await Promise.all(Array.from({ length: 24 }, () => limiter().hit('rush', perMinute(5), T0)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    });

    test('many instances hitting a full counter as its window ends allow exactly the limit of the new window', async () => {
      const l = limiter();
      for (let i = 0; i < 5; i++) await l.hit('turn', perMinute(5), T0);
      const decisions = await Promise.all(Array.from({ length: 24 }, () => limiter().hit('turn', perMinute(5), later(60))));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
      expect(await l.peek('turn', perMinute(5), later(61))).toEqual({ allowed: false, retryAfterSeconds: 59 });
    });
  });
}

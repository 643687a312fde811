import { MemoryRateLimiter } from '../../cloudfunctions/adapters/limits/memory-rate-limiter';
import { describeRateLimiterContract } from './rate-limiter-contract';

// The local host is one process: every request meets the same limiter.
describeRateLimiterContract('In memory (the local host)', async () => {
  const limiter = new MemoryRateLimiter();
  return { instances: () => limiter, cleanup: async () => undefined };
});

describe('In memory (the local host): counters of ended windows', () => {
  test('are dropped as time goes on, so a stream of new visitors does not grow the memory without end', async () => {
    const limiter = new MemoryRateLimiter();
    const t0 = Date.parse('2018-11-20T02:00:00.000Z');
    const rule = { limit: 20, windowSeconds: 3600 };
    for (let i = 0; i < 1000; i++) await limiter.hit(`signupsPerVisitor:v${i}`, rule, new Date(t0 + i));
    expect(limiter.size).toBe(1000);
    await limiter.hit('signupsPerVisitor:late', rule, new Date(t0 + 3600_000 + 1000));
    expect(limiter.size).toBe(1);
  });
});

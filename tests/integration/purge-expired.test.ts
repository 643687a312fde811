import type { ResetTokenDoc, SessionDoc } from '../../cloudfunctions/app/collections';
import { PURGED_PER_RUN, purgeExpired } from '../../cloudfunctions/app/jobs/purge-expired';
import { seedHierarchy, TestApp } from '../support/harness';

describe('the purge job', () => {
  let app: TestApp;
  beforeEach(() => {
    app = new TestApp();
  });
  afterEach(() => app.close());

  const sessions = () => app.store.count('sessions');

  test('removes sessions past their expiry and keeps the ones still in use', async () => {
    const h = await seedHierarchy(app);
    const before = await sessions();
    app.advance(11 * 60);
    const fresh = await app.ok('account', 'signIn', { code: h.collective.code, password: h.collective.password });
    app.advance(2 * 60); // every session from the seeding is now past its 12 hours; the fresh one is not
    await purgeExpired.run(app.deps);

    expect(before).toBeGreaterThan(1);
    expect(await sessions()).toBe(1);
    expect(await app.call('openweek', 'myEvents', {}, { token: fresh.token })).toMatchObject({ ok: true });
  });

  test('removes reset tokens once used or expired, and keeps one that can still be used', async () => {
    const h = await seedHierarchy(app);
    await app.ok('account', 'setRecoveryEmail', { email: 'team@example.com', password: h.collective.password }, h.collective.caller);
    const request = () => app.ok('account', 'requestPasswordReset', { email: 'team@example.com' });
    const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1];

    await request();
    app.advance(31); // the first link has expired
    await request();
    await app.ok('account', 'resetPassword', { token: tokenIn((await app.mailbox())[1].text), newPassword: 'Recovered123' }); // the second is used
    await request(); // the third can still be used
    expect(await app.store.count('resetTokens')).toBe(3);

    await purgeExpired.run(app.deps);
    const left = (await app.store.find<ResetTokenDoc>('resetTokens', { orderBy: { fields: ['expiresAt'], direction: 'asc' }, limit: 10 })).items;
    expect(left).toEqual([expect.objectContaining({ usedAt: null })]);
    expect(await app.call('account', 'resetPassword', { token: tokenIn((await app.mailbox())[2].text), newPassword: 'Third12345' })).toMatchObject({ ok: true });
  });

  test('one run removes a bounded number; a larger backlog is gone after the next run', async () => {
    const expired = app.clock.toISOString();
    await app.store.transaction(async (tx) => {
      for (let i = 0; i < PURGED_PER_RUN + 50; i++) {
        await tx.insert<SessionDoc>('sessions', { id: `s${i}`, accountId: 'a1', createdAt: expired, expiresAt: expired });
      }
    });
    await purgeExpired.run(app.deps);
    expect(await sessions()).toBe(50);
    await purgeExpired.run(app.deps);
    expect(await sessions()).toBe(0);
  });
});

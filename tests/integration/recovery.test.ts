import { seedHierarchy, TestApp } from '../support/harness';

const NEUTRAL = '如果该邮箱是某个帐号的保密邮箱，邮件已发送至该邮箱，请查收（含垃圾邮件箱）';

describe('recovering a forgotten code or password by the recovery email', () => {
  let app: TestApp;
  let h: Awaited<ReturnType<typeof seedHierarchy>>;
  beforeEach(async () => {
    app = new TestApp();
    h = await seedHierarchy(app);
    await app.ok('account', 'setRecoveryEmail', { email: 'Team@Example.com', password: h.collective.password }, h.collective.caller);
  });
  afterEach(() => app.close());

  test('the recovery email is kept normalised and shown masked', async () => {
    const me = await app.ok('account', 'me', {}, h.collective.caller);
    expect(me.account?.recoveryEmailMasked).toBe('te***@example.com');
  });

  test('the forgotten code is mailed to the address, never shown on the page', async () => {
    const answer = await app.ok('account', 'requestCodeReminder', { email: 'team@example.com' });
    expect(answer.message).toBe(NEUTRAL);
    expect(JSON.stringify(answer)).not.toContain(h.collective.code);
    const [mail] = await app.mailbox();
    expect(mail.to).toBe('team@example.com');
    expect(mail.text).toContain(h.collective.code);
  });

  test('an unknown address gets the very same answer and no mail goes out', async () => {
    const answer = await app.ok('account', 'requestCodeReminder', { email: 'nobody@example.com' });
    expect(answer.message).toBe(NEUTRAL);
    expect(await app.mailbox()).toHaveLength(0);
    expect(await app.ok('account', 'requestPasswordReset', { email: 'nobody@example.com' })).toEqual({ message: NEUTRAL });
  });

  test('a mailed reset link sets a new password once, then is spent', async () => {
    await app.ok('account', 'requestPasswordReset', { email: 'team@example.com' });
    const [mail] = await app.mailbox();
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain('http://h5.test/#/pages/auth/reset-password?token=');

    expect(await app.ok('account', 'resetPassword', { token, newPassword: 'Recovered123' })).toEqual({ code: h.collective.code });
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: 'Recovered123' })).ok).toBe(true);
    expect(await app.call('account', 'resetPassword', { token, newPassword: 'Again12345' })).toMatchObject({ ok: false, error: { code: 'RESET_TOKEN_INVALID' } });
  });

  test('a reset link works through its 30th minute and not after', async () => {
    await app.ok('account', 'requestPasswordReset', { email: 'team@example.com' });
    await app.ok('account', 'requestPasswordReset', { email: 'team@example.com' });
    const [first, second] = (await app.mailbox()).map((m) => /token=([A-Za-z0-9_-]+)/.exec(m.text)![1]);
    app.advance(29.99);
    expect((await app.call('account', 'resetPassword', { token: first, newPassword: 'Recovered123' })).ok).toBe(true);
    app.advance(0.01);
    expect(await app.call('account', 'resetPassword', { token: second, newPassword: 'Recovered456' })).toMatchObject({ ok: false, error: { code: 'RESET_TOKEN_INVALID' } });
  });

  test('a reset also lifts the lock after wrong passwords and ends open sessions', async () => {
    for (let i = 0; i < 5; i++) await app.call('account', 'signIn', { code: h.collective.code, password: 'Wrong1234' });
    await app.ok('account', 'requestPasswordReset', { email: 'team@example.com' });
    const token = /token=([A-Za-z0-9_-]+)/.exec((await app.mailbox())[0].text)![1];
    await app.ok('account', 'resetPassword', { token, newPassword: 'Recovered123' });
    expect((await app.ok('account', 'me', {}, h.collective.caller)).account).toBeNull();
    expect((await app.call('account', 'signIn', { code: h.collective.code, password: 'Recovered123' })).ok).toBe(true);
  });

  test('a cancelled account cannot recover', async () => {
    await app.ok('admin', 'cancelAccount', { accountId: h.collective.accountId, reason: '集体撤销' }, h.office.caller);
    await app.ok('account', 'requestCodeReminder', { email: 'team@example.com' });
    expect(await app.mailbox()).toHaveLength(0);
  });

  test('setting a recovery email needs the current password', async () => {
    expect(await app.call('account', 'setRecoveryEmail', { email: 'x@example.com', password: 'Wrong1234' }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', fields: { password: '当前密码：不正确' } },
    });
    expect(await app.call('account', 'setRecoveryEmail', { email: 'not-an-email', password: h.collective.password }, h.collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { email: '保密邮箱：请填写有效的邮箱地址' } },
    });
  });
});

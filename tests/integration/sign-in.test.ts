import { seedHierarchy, TestApp } from '../support/harness';
import { seedDemo } from '../../cloudfunctions/local-host/demo/seed-demo';

describe('signing in', () => {
  let app: TestApp;
  beforeEach(() => {
    app = new TestApp();
  });
  afterEach(() => app.close());

  test('a new holder signs in with the one-time password and can do nothing but change it', async () => {
    const office = (await seedDemo(app.deps))!;
    const first = await app.ok('account', 'signIn', { code: office.code, password: office.oneTimePassword });
    expect(first.account.mustChangePassword).toBe(true);

    const blocked = await app.call('admin', 'listUnits', {}, { token: first.token });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });

    const changed = await app.ok('account', 'changePassword', { oldPassword: office.oneTimePassword, newPassword: 'NewPass123' }, { token: first.token });
    expect(changed.account.mustChangePassword).toBe(false);
    await expect(app.ok('admin', 'listUnits', {}, { token: first.token })).resolves.toMatchObject({ items: expect.any(Array) });
  });

  test('codes are matched whatever their case and surrounding spaces', async () => {
    const office = (await seedDemo(app.deps))!;
    const result = await app.call('account', 'signIn', { code: ` ${office.code.toLowerCase()} `, password: office.oneTimePassword });
    expect(result.ok).toBe(true);
  });

  test('an unknown code and a wrong password get the same answer', async () => {
    const office = (await seedDemo(app.deps))!;
    const unknown = await app.call('account', 'signIn', { code: 'JTNOSUCH1', password: 'whatever1' });
    const wrong = await app.call('account', 'signIn', { code: office.code, password: 'whatever1' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: '用户名或密码错误' } });
  });

  test('five wrong passwords from one address lock it out of the code for 15 minutes, even with the right password', async () => {
    const { collective } = await seedHierarchy(app);
    for (let i = 1; i <= 4; i++) {
      expect(await app.call('account', 'signIn', { code: collective.code, password: 'Wrong1234' })).toMatchObject({ error: { code: 'WRONG_CREDENTIALS' } });
    }
    expect(await app.call('account', 'signIn', { code: collective.code, password: 'Wrong1234' })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(await app.call('account', 'signIn', { code: collective.code, password: collective.password })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });

    app.advance(14);
    expect(await app.call('account', 'signIn', { code: collective.code, password: collective.password })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    app.advance(1);
    expect((await app.call('account', 'signIn', { code: collective.code, password: collective.password })).ok).toBe(true);
  });

  test('the lock of the whole account, after five addresses were locked out, is recorded in the audit trail', async () => {
    const { collective, admin1 } = await seedHierarchy(app);
    for (let address = 1; address <= 5; address++) {
      for (let i = 0; i < 5; i++) await app.call('account', 'signIn', { code: collective.code, password: 'Wrong1234' }, { ip: `203.0.113.${address}` });
    }
    const audit = await app.ok('admin', 'listAudit', { objectId: collective.accountId }, admin1.caller);
    expect(audit.items.map((a) => a.action)).toContain('account.lockedByFailures');
  });

  test('signing out ends the session: the token no longer works', async () => {
    const { collective } = await seedHierarchy(app);
    await app.ok('account', 'signOut', {}, collective.caller);
    expect(await app.call('account', 'changePassword', { oldPassword: collective.password, newPassword: 'Another123' }, collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'SESSION_EXPIRED' },
    });
    expect(await app.ok('account', 'me', {}, collective.caller)).toEqual({ account: null });
  });

  test('a session expires after its time to live', async () => {
    const { collective } = await seedHierarchy(app);
    app.advance(12 * 60);
    expect(await app.call('account', 'signOut', {}, collective.caller)).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  test('a token signed with another secret is not a session', async () => {
    const { collective } = await seedHierarchy(app);
    const [payload] = collective.token.split('.');
    expect(await app.call('account', 'signOut', {}, { token: `${payload}.forged` })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });
});

describe('signing in from the mini-program', () => {
  let app: TestApp;
  beforeEach(() => {
    app = new TestApp();
  });
  afterEach(() => app.close());

  test('after one password sign-in the WeChat user is recognised without a token', async () => {
    const { collective } = await seedHierarchy(app);
    const wechat = { openid: 'o-wechat-user-1' };
    expect(await app.ok('account', 'me', {}, wechat)).toEqual({ account: null });
    await app.ok('account', 'signIn', { code: collective.code, password: collective.password }, wechat);
    const me = await app.ok('account', 'me', {}, wechat);
    expect(me.account).toMatchObject({ code: collective.code, wechatBound: true });
  });

  test('signing in to another account moves the WeChat binding: one WeChat user, one account', async () => {
    const { collective, countyCollective } = await seedHierarchy(app);
    const wechat = { openid: 'o-shared-phone' };
    await app.ok('account', 'signIn', { code: collective.code, password: collective.password }, wechat);
    await app.ok('account', 'signIn', { code: countyCollective.code, password: countyCollective.password }, wechat);
    expect((await app.ok('account', 'me', {}, wechat)).account?.code).toBe(countyCollective.code);
    expect((await app.account(collective.code)).openid).toBeNull();
  });

  test('signing out in the mini-program unbinds the WeChat user', async () => {
    const { collective } = await seedHierarchy(app);
    const wechat = { openid: 'o-wechat-user-2' };
    await app.ok('account', 'signIn', { code: collective.code, password: collective.password }, wechat);
    await app.ok('account', 'signOut', {}, wechat);
    expect(await app.ok('account', 'me', {}, wechat)).toEqual({ account: null });
  });

  test('an admin can unbind a WeChat user from an account in their scope', async () => {
    const { collective, admin1 } = await seedHierarchy(app);
    const wechat = { openid: 'o-lost-phone' };
    await app.ok('account', 'signIn', { code: collective.code, password: collective.password }, wechat);
    const result = await app.ok('admin', 'unbindWechat', { accountId: collective.accountId }, admin1.caller);
    expect(result.account.wechatBound).toBe(false);
    expect(await app.ok('account', 'me', {}, wechat)).toEqual({ account: null });
  });
});

describe('changing a password', () => {
  let app: TestApp;
  beforeEach(() => {
    app = new TestApp();
  });
  afterEach(() => app.close());

  test('the current password is required, and a weak new one is refused at its field', async () => {
    const { collective } = await seedHierarchy(app);
    expect(await app.call('account', 'changePassword', { oldPassword: 'Wrong1234', newPassword: 'Better123' }, collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', fields: { oldPassword: '当前密码：不正确' } },
    });
    expect(await app.call('account', 'changePassword', { oldPassword: collective.password, newPassword: 'short1' }, collective.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { newPassword: '新密码：至少8位，且须同时包含字母和数字' } },
    });
  });

  test('other sessions of the account end when the password changes; this one stays', async () => {
    const { collective } = await seedHierarchy(app);
    const other = await app.ok('account', 'signIn', { code: collective.code, password: collective.password });
    await app.ok('account', 'changePassword', { oldPassword: collective.password, newPassword: 'Changed123' }, collective.caller);
    expect((await app.ok('account', 'me', {}, { token: other.token })).account).toBeNull();
    expect((await app.ok('account', 'me', {}, collective.caller)).account?.code).toBe(collective.code);
  });
});

describe('the audit trail of accounts', () => {
  test('issuing, activating and signing in are each recorded with who did it', async () => {
    const app = new TestApp();
    try {
      const { office, admin1 } = await seedHierarchy(app);
      const audit = await app.ok('admin', 'listAudit', { objectId: admin1.accountId }, office.caller);
      const actions = audit.items.map((a) => [a.action, a.actorCode]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['admin.createAccount', office.code],
          ['account.changePassword', admin1.code],
          ['account.signIn', admin1.code],
        ]),
      );
      expect(audit.items[0].summary).toEqual(expect.any(String));
    } finally {
      await app.close();
    }
  });
});

import { accountHandlers } from '../../cloudfunctions/app/features/account';
import { adminHandlers } from '../../cloudfunctions/app/features/admin';
import { JOBS } from '../../cloudfunctions/app/jobs';
import { cloudbaseJobsMain, cloudbaseMain } from '../../cloudfunctions/entries/cloudbase-main';
import { httpAccessEvent, seedCloudbaseDemo, useCloudbaseFunctions, wechatContext } from '../support/cloudbase-functions';

/**
 * The CloudBase functions' `main`, as the platform calls it: the caller is the OPENID in the function's
 * context, never the event. The database is the local model of CloudBase behind the real SDK.
 */
const { connect } = useCloudbaseFunctions();
const wechat = wechatContext;

test('a mini-program call is answered through the router, with the caller taken from the WeChat context', async () => {
  const account = cloudbaseMain('account', accountHandlers, connect);
  expect(await account({ action: 'me', data: {} }, wechat('o-visitor'))).toEqual({ ok: true, data: { account: null } });
  expect(await account({ action: 'signIn', data: {} }, wechat('o-visitor'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('after one password sign-in in the mini-program, the same WeChat user is recognised on the next call', async () => {
  const office = await seedCloudbaseDemo(connect);
  const account = cloudbaseMain('account', accountHandlers, connect);
  const signIn = await account({ action: 'signIn', data: { code: office.code, password: office.oneTimePassword } }, wechat('o-office-phone'));
  expect(signIn).toMatchObject({ ok: true, data: { account: { code: office.code, wechatBound: true } } });
  expect(await account({ action: 'me', data: {} }, wechat('o-office-phone'))).toMatchObject({ ok: true, data: { account: { code: office.code } } });
  expect(await account({ action: 'me', data: {} }, wechat('o-someone-else'))).toEqual({ ok: true, data: { account: null } });
});

test('an OPENID claimed in the event body is ignored', async () => {
  const admin = cloudbaseMain('admin', adminHandlers, connect);
  const event = { action: 'listUnits', data: {}, userInfo: { openId: 'o-office' }, openid: 'o-office' };
  expect(await admin(event, wechat('o-stranger'))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('CloudBase HTTP access is not a way in: an HTTP-shaped event is refused, its bearer header never read', async () => {
  const admin = cloudbaseMain('admin', adminHandlers, connect);
  const http = httpAccessEvent({ action: 'listUnits', data: {} }, { authorization: 'Bearer anything' });
  expect(await admin(http, wechat(''))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
});

test('a mini-program call shaped like an HTTP request stays a call from that WeChat user', async () => {
  const account = cloudbaseMain('account', accountHandlers, connect);
  const disguised = { ...httpAccessEvent({ action: 'me', data: {} }, { authorization: 'Bearer forged' }), action: 'me', data: {} };
  // The answer is an envelope (not an HTTP response), and the caller is the OPENID, not the header in the data.
  expect(await account(disguised, wechat('o-disguised'))).toEqual({ ok: true, data: { account: null } });
});

test('the timer trigger runs every job; a call from a WeChat user is refused', async () => {
  const jobs = cloudbaseJobsMain(JOBS, connect);
  const timer = wechatContext('');
  expect(await jobs({ Type: 'Timer', TriggerName: 'every10Minutes' }, timer)).toEqual({
    ok: true,
    data: Object.fromEntries(Object.keys(JOBS).map((name) => [name, 'ok'])),
  });
  expect(await jobs({ Type: 'Timer' }, wechat('o-curious-visitor'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

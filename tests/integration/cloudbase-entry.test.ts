import { accountHandlers } from '../../cloudfunctions/app/features/account';
import { adminHandlers } from '../../cloudfunctions/app/features/admin';
import { JOBS } from '../../cloudfunctions/app/jobs';
import { cloudbaseJobsMain, cloudbaseMain, cloudbaseMediaCheckMain } from '../../cloudfunctions/entries/cloudbase-main';
import { wxaMediaCheckEvent } from '../../cloudfunctions/app/media-verdicts/event';
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

describe('the mediacheck function, where WeChat pushes image verdicts', () => {
  /** The context of a call with this environment (what CloudBase passes in `context.environment`). */
  const contextWith = (environment: Record<string, string>) => ({ ...wechatContext(''), environment: JSON.stringify(environment) });
  const push = wxaMediaCheckEvent('6900aaaa-11111111-nobody', 'pass', new Date('2018-11-20T02:00:00.000Z'));

  test('a call from a mini-program user is refused, whatever it carries', async () => {
    const mediacheck = cloudbaseMediaCheckMain(connect);
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: '图片审核结果只能由微信平台推送' } };
    expect(await mediacheck(push, wechat('o-forger'))).toEqual(refused);
    const fromClient = { WX_OPENID: 'o-forger', WX_APPID: 'wx-test', WX_CLIENTIP: '10.0.0.9', TCB_SOURCE: 'wx_client', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_CLIENTIP', TCB_CONTEXT_KEYS: 'TCB_SOURCE' };
    expect(await mediacheck(push, contextWith(fromClient))).toEqual(refused);
    expect(await mediacheck(push, contextWith({ ...fromClient, WX_CLIENTIP: '' }))).toEqual(refused);
    expect(await mediacheck(push, contextWith({ TCB_SOURCE: 'wx_devtools', TCB_CONTEXT_KEYS: 'TCB_SOURCE' }))).toEqual(refused);
    // Through another function it called: the chain starts at the client.
    expect(await mediacheck(push, contextWith({ TCB_SOURCE: 'wx_client,scf', TCB_CONTEXT_KEYS: 'TCB_SOURCE' }))).toEqual(refused);
  });

  test('the platform’s push (no client, no device address) is received and answered success', async () => {
    const mediacheck = cloudbaseMediaCheckMain(connect);
    // A push names the checked user (FromUserName) but no client source or address.
    expect(await mediacheck(push, contextWith({ WX_OPENID: 'o-checked-user', TCB_SOURCE: 'wx_unknown', TCB_CONTEXT_KEYS: 'TCB_SOURCE', WX_CONTEXT_KEYS: 'WX_OPENID' }))).toBe('success');
    expect(await mediacheck(push, contextWith({}))).toBe('success');
  });
});

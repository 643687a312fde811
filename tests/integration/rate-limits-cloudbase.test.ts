import { accountHandlers } from '../../cloudfunctions/app/features/account';
import { cloudbaseMain } from '../../cloudfunctions/entries/cloudbase-main';
import { useCloudbaseFunctions, wechatContext } from '../support/cloudbase-functions';

/**
 * On CloudBase the limits hold in the CloudBase database, whichever instance answers, and the caller's
 * address is the CLIENTIP WeChat puts in the function's context (never anything in the event).
 */
const { connect } = useCloudbaseFunctions();
beforeAll(() => {
  // The functions read their limits from their environment, as set in cloudbaserc.json or the console.
  process.env.RATE_SIGN_IN_PER_IP = '5/10m';
});

/** The context of a mini-program call from this WeChat user at this client address. */
const fromPhone = (openid: string, clientIp: string) => ({
  ...wechatContext(openid),
  environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx-test', WX_CLIENTIP: clientIp, WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_CLIENTIP' }),
});

test('sign-in attempts from one client address are limited across function instances, by CLIENTIP, not by anything the event claims', async () => {
  // Two cold-started instances of the account function, taking turns.
  const instances = [cloudbaseMain('account', accountHandlers, connect), cloudbaseMain('account', accountHandlers, connect)];
  const attempt = (i: number, context: ReturnType<typeof fromPhone>, extra: object = {}) =>
    instances[i % 2]({ action: 'signIn', data: { code: `JTSTORM${i}`, password: 'Guess1234' }, ...extra }, context);

  for (let i = 0; i < 5; i++) expect(await attempt(i, fromPhone(`o-script-${i}`, '203.0.113.5'))).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
  expect(await attempt(5, fromPhone('o-script-5', '203.0.113.5'), { ip: '198.51.100.1', clientIp: '198.51.100.1' })).toMatchObject({
    ok: false,
    error: { code: 'RATE_LIMITED', message: '操作过于频繁，请在 10 分钟后重试', retryAfterSeconds: expect.any(Number) },
  });
  expect(await attempt(6, fromPhone('o-someone-else', '203.0.113.6'))).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
});

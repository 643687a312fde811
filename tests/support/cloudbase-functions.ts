import tcb from '@cloudbase/node-sdk';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { COLLECTIONS } from '../../cloudfunctions/app/collections';
import { PasswordHasher } from '../../cloudfunctions/app/security/passwords';
import { limitRules } from '../../cloudfunctions/app/limits/rules';
import { StoreRateLimiter } from '../../cloudfunctions/app/limits/store-rate-limiter';
import { SessionTokens } from '../../cloudfunctions/app/security/session-tokens';
import { seedDemo, type SeededOffice } from '../../cloudfunctions/local-host/demo/seed-demo';
import { FakeCloudbase } from './fake-cloudbase';
import { WordListContentSecurity } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { NO_RISK } from '../../cloudfunctions/app/ports/risk-control';

/**
 * For tests that call a CloudBase function's `main` as the platform does: the environment the
 * functions read, the real SDKs (data and management) pointed at the stand-in, and the function context.
 * Registers its own beforeAll/afterAll; call it at the top of a test file.
 */
export function useCloudbaseFunctions(fake = new FakeCloudbase(COLLECTIONS)): { connect: () => ReturnType<typeof tcb.init> } {
  const saved = { ...process.env };
  let serviceUrl = '';
  beforeAll(async () => {
    Object.assign(process.env, {
      TENCENTCLOUD: 'true', // no probe of Tencent Cloud's metadata host
      SILENCE: 'true',
      SESSION_SECRET: 'a-function-secret-that-is-long-enough-0123456789',
      PUBLIC_URL: 'https://qnwmh.example.org',
      SCRYPT_COST: '10',
      SMTP_URL: '',
    });
    serviceUrl = await fake.start();
    // What the platform gives a function: its environment and its role's keys, used by the management SDK.
    Object.assign(process.env, { TCB_ENV: 'test-env', TENCENTCLOUD_SECRETID: 'fake-id', TENCENTCLOUD_SECRETKEY: 'fake-key', TCB_BASE_URL: fake.managementUrl() });
  });
  afterAll(async () => {
    await fake.stop();
    process.env = saved;
  });
  return {
    connect: () => tcb.init({ env: 'test-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 5000 }),
  };
}

/** The context CloudBase passes a function called from the mini-program by this WeChat user ('' for none). */
export const wechatContext = (openid: string) => ({
  memory_limit_in_mb: 256,
  time_limit_in_ms: 10_000,
  request_id: 'req-1',
  function_version: '$LATEST',
  function_name: 'test',
  namespace: 'test-env',
  environment: JSON.stringify(openid ? { WX_OPENID: openid, WX_APPID: 'wx-test', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' } : {}),
});

/** What CloudBase's HTTP access service passes a function (its 集成请求): a POST of `body` as JSON to /api. */
export const httpAccessEvent = (body: unknown, headers: Record<string, string> = {}) => ({
  path: '/api',
  httpMethod: 'POST',
  headers: { host: 'test-env.service.tcloudbase.com', 'content-type': 'application/json', ...headers },
  queryStringParameters: {},
  requestContext: { requestId: 'req-http-1', envId: 'test-env', appId: 123456789, uin: 123456789 },
  body: JSON.stringify(body),
  isBase64Encoded: false,
});

/** Loads the demo into the model of CloudBase (once per file: the store is shared) and answers the office's one-time credentials. */
export async function seedCloudbaseDemo(connect: () => ReturnType<typeof tcb.init>): Promise<SeededOffice> {
  const store = new CloudbaseStore(connect());
  const office = await seedDemo({
    store,
    passwords: new PasswordHasher(10),
    tokens: new SessionTokens(process.env.SESSION_SECRET!),
    limiter: new StoreRateLimiter(store),
    contentSecurity: new WordListContentSecurity(),
    riskControl: NO_RISK,
    now: () => new Date(),
    config: { sessionTtlHours: 12, publicUrl: 'https://qnwmh.example.org', limits: limitRules(), signInLockMinutes: 15 },
    mailer: { send: async () => undefined },
    notifier: { send: async () => undefined },
  });
  if (!office) throw new Error('the demo was already loaded into this model of CloudBase');
  return office;
}

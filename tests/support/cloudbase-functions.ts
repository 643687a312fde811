import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS } from '../../cloudfunctions/app/collections';
import { FakeCloudbase } from './fake-cloudbase';

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

import { startStandIn, stopStandIn } from './test-store';

/**
 * Setup of the `node-cloudbase` jest project: every TestApp of the file runs on the CloudBase
 * adapter and the real SDK, against a stand-in started for the file.
 */
process.env.TEST_STORE = 'cloudbase';
process.env.TENCENTCLOUD = 'true'; // the SDK must not probe Tencent Cloud's metadata host
process.env.SILENCE = 'true';

beforeAll(async () => {
  await startStandIn();
});
afterAll(stopStandIn);

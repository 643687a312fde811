import { startStandIn, stopStandIn } from './test-store';

/**
 * Setup of the `node-cloudbase` jest project: every TestApp of the file runs on the CloudBase
 * adapter and the real SDK, against a stand-in started for the file.
 */
process.env.TEST_STORE = 'cloudbase';
process.env.TENCENTCLOUD = 'true'; // the SDK must not probe Tencent Cloud's metadata host
process.env.SILENCE = 'true';

// Every call crosses HTTP to the stand-in: a test that seeds a hierarchy makes hundreds of them.
jest.setTimeout(30_000);

beforeAll(async () => {
  await startStandIn();
});
afterAll(stopStandIn);

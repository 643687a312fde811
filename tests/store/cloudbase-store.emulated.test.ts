import tcb from '@cloudbase/node-sdk';
import { TransactionConflictError, type StoreOps } from '../../cloudfunctions/app/ports/store';
import { transact } from '../../cloudfunctions/app/ports/transaction-retry';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { StoreRateLimiter } from '../../cloudfunctions/app/limits/store-rate-limiter';
import { FakeCloudbase } from '../support/fake-cloudbase';
import { CONTRACT_COLLECTIONS, RATE_LIMITS } from './contract-collections';
import { describeRateLimiterContract } from './rate-limiter-contract';
import { describeStoreContract } from './store-contract';

/**
 * The whole store contract on CloudbaseStore and the real @cloudbase/node-sdk, against a local
 * model of the CloudBase database that follows MongoDB's query, sort, update and unique-index
 * rules (tests/support/fake-cloudbase.ts). It checks the adapter's translation end to end
 * without a network; the real-environment suite remains the proof for CloudBase itself.
 */
const fake = new FakeCloudbase(CONTRACT_COLLECTIONS);
const savedEnv = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };
let app: ReturnType<typeof tcb.init>;

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true'; // no probe of Tencent Cloud's metadata host
  process.env.SILENCE = 'true';
  const serviceUrl = await fake.start();
  app = tcb.init({ env: 'emulated-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 5000 });
});

afterAll(async () => {
  await fake.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describeStoreContract('CloudbaseStore over the SDK against a MongoDB-rules model of CloudBase', async () => {
  fake.reset();
  return { store: new CloudbaseStore(app), cleanup: async () => fake.reset() };
});

describe('CloudbaseStore transactions against the model of CloudBase', () => {
  beforeEach(() => fake.reset());

  test('a document changed by someone else during a transaction fails it as a conflict, and the retry policy runs it again', async () => {
    const store = new CloudbaseStore(app);
    await store.insert('contract_items', { id: 'raced', code: 'R', version: 1 });
    let attempts = 0;
    const attempt = (tx: StoreOps) => {
      attempts++;
      return tx.get<{ id: string; version: number }>('contract_items', 'raced').then(async (doc) => {
        // The first attempt's snapshot goes stale: another writer bumps the version.
        if (attempts === 1) await store.update('contract_items', 'raced', { inc: { version: 1 } });
        return tx.update('contract_items', 'raced', { inc: { version: 10 } }, { version: doc?.version ?? -1 });
      });
    };
    // The adapter itself does not retry (the SDK's immediate retries are off): the conflict surfaces.
    await expect(store.transaction(attempt)).rejects.toBeInstanceOf(TransactionConflictError);
    expect(await store.get('contract_items', 'raced')).toEqual({ id: 'raced', code: 'R', version: 2 });
    attempts = 0;
    expect(await transact(store, attempt)).toBe(true);
    expect(attempts).toBe(2);
    expect(await store.get('contract_items', 'raced')).toEqual({ id: 'raced', code: 'R', version: 13 });
  });
});

describeRateLimiterContract('CloudbaseStore against the model of CloudBase', async () => {
  fake.reset();
  // Each instance is its own store over the SDK, as each function instance has.
  return { instances: () => new StoreRateLimiter(new CloudbaseStore(app), RATE_LIMITS), cleanup: async () => fake.reset() };
});

import tcb from '@cloudbase/node-sdk';
import { ERRORS } from '../../shared/errors';
import { COLLECTIONS } from '../../cloudfunctions/app/collections';
import { StoreUnavailableError } from '../../cloudfunctions/app/ports/store';
import { RETRY_POLICY, transact } from '../../cloudfunctions/app/ports/transaction-retry';
import { toErrorBody } from '../../cloudfunctions/app/router';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { FakeCloudbase } from '../support/fake-cloudbase';

/**
 * On CloudBase a transaction that wrote a document another transaction committed meanwhile is refused
 * (DATABASE_TRANSACTION_CONFLICT). The one retry policy runs it again after a pause; a conflict that
 * never ends becomes CONFLICT for the caller, and nothing of the refused attempts lands.
 */
const fake = new FakeCloudbase(COLLECTIONS);
const savedEnv = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };
let store: CloudbaseStore;
let serviceUrl: string;

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  serviceUrl = await fake.start();
  store = new CloudbaseStore(tcb.init({ env: 'emulated-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 5000 }));
});

afterAll(async () => {
  await fake.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

interface Tally {
  id: string;
  campaignId: string;
  unitId: string;
  submitted: number;
}

/** Another writer commits a change to the same document while our transaction is open. */
const interlope = (id: string) => store.transaction((tx) => tx.update('filingCounts', id, { inc: { submitted: 100 } })).then(() => undefined);

test('a transaction that collided with another writer is run again and lands once', async () => {
  await store.insert<Tally>('filingCounts', { id: 'retried', campaignId: 'c', unitId: 'u', submitted: 0 });
  let attempts = 0;
  await transact(store, async (tx) => {
    attempts++;
    await tx.get('filingCounts', 'retried');
    if (attempts === 1) await interlope('retried');
    await tx.update('filingCounts', 'retried', { inc: { submitted: 1 } });
  });
  expect(attempts).toBe(2);
  expect(await store.get<Tally>('filingCounts', 'retried')).toMatchObject({ submitted: 101 });
});

test('a conflict that outlasts the retry budget is CONFLICT, saying to retry, and none of its attempts landed', async () => {
  await store.insert<Tally>('filingCounts', { id: 'endless', campaignId: 'c', unitId: 'u', submitted: 0 });
  let attempts = 0;
  const failure = await transact(
    store,
    async (tx) => {
      attempts++;
      await tx.get('filingCounts', 'endless');
      await interlope('endless');
      await tx.update('filingCounts', 'endless', { inc: { submitted: 1 } });
    },
    { ...RETRY_POLICY, budgetMs: 300 },
  ).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请稍后重试') });
  expect(attempts).toBeGreaterThan(1);
  expect(await store.get<Tally>('filingCounts', 'endless')).toMatchObject({ submitted: 100 * attempts });
});

test('a database slower than the SDK timeout is STORE_UNAVAILABLE (503, saying to look and retry): neither INTERNAL nor retried as a conflict', async () => {
  // Seen under a rush on a loaded machine: calls outlasting the SDK's timeout surfaced as INTERNAL.
  const impatient = new CloudbaseStore(tcb.init({ env: 'emulated-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 100 }));
  await store.insert<Tally>('filingCounts', { id: 'slow', campaignId: 'c', unitId: 'u', submitted: 0 });
  const latency = 400;
  fake.options.latencyMs = [latency, latency];
  try {
    let attempts = 0;
    const failure = await transact(impatient, async (tx) => {
      attempts++;
      await tx.update('filingCounts', 'slow', { inc: { submitted: 1 } });
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(attempts).toBeLessThanOrEqual(1);
    const body = toErrorBody(failure);
    expect(body).toEqual({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('请稍后刷新查看') });
    expect(ERRORS[body.code].status).toBe(503);
    await expect(impatient.get('filingCounts', 'slow')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(impatient.count('filingCounts', { unitId: 'u' })).rejects.toBeInstanceOf(StoreUnavailableError);
  } finally {
    fake.options.latencyMs = undefined;
    // The stand-in still answers the abandoned calls; let it, before the file's server stops.
    await new Promise((resolve) => setTimeout(resolve, latency * 2));
  }
  expect(await store.get<Tally>('filingCounts', 'slow')).toMatchObject({ submitted: 0 });
});

import tcb from '@cloudbase/node-sdk';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { DuplicateKeyError, TransactionConflictError } from '../../cloudfunctions/app/ports/store';
import { FakeCloudbase, MAX_QUERY_LIMIT, TRANSACTION_LIFETIME_MS } from '../support/fake-cloudbase';

/**
 * The stand-in is strict where CloudBase is strict (the rules and their documentation are in
 * fake-cloudbase.ts): each rule, broken through the real SDK, is refused; and the adapter turns the
 * refusals it can meet into the port's errors.
 */
const RULES = { items: [{ fields: ['code'], unique: true }] };
const fake = new FakeCloudbase(RULES);
const slow = new FakeCloudbase(RULES, { latencyMs: [30, 40] });
const savedEnv = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };
let serviceUrl = '';
let env = 0;
const connect = (url = serviceUrl) =>
  tcb.init({ env: `rules-${++env}`, secretId: 'fake-id', secretKey: 'fake-key', serviceUrl: url, keepalive: false, timeout: 5000 });

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  serviceUrl = await fake.start();
});

afterAll(async () => {
  await fake.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error('expected a refusal');
};

test('a query returns at most 1000 documents, while the adapter pages past them', async () => {
  const app = connect();
  const items = app.database().collection('items');
  for (let batch = 0; batch < 3; batch++) {
    await items.add(Array.from({ length: 400 }, (_, i) => ({ _id: `i${batch * 400 + i}`, code: `c${batch * 400 + i}` })));
  }
  expect((await items.limit(5000).get()).data).toHaveLength(MAX_QUERY_LIMIT);
  const page = await new CloudbaseStore(app).find('items', { orderBy: { fields: ['code'], direction: 'asc' }, limit: 1100 });
  expect(page.items).toHaveLength(1100);
  expect(page.nextCursor).not.toBeNull();
});

test('a transaction may not query: the query is refused and the transaction rolled back', async () => {
  const db = connect().database();
  await db.collection('items').add({ _id: 'a', code: 'A' });
  const refused = await rejection(
    db.runTransaction(async (t: Awaited<ReturnType<typeof db.startTransaction>>) => {
      await t.collection('items').doc('a').update({ code: 'A2' });
      return t.collection('items').where({ code: 'A' }).get();
    }),
  );
  expect(refused.code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(refused.message).toMatch(/single-document/);
  expect((await db.collection('items').doc('a').get()).data[0]).toMatchObject({ code: 'A' });
});

test('a unique index holds across transactions: the second commit of the same key is refused', async () => {
  const app = connect();
  const db = app.database();
  const first = await db.startTransaction();
  const second = await db.startTransaction();
  await first.collection('items').add({ _id: 'one', code: 'SAME' });
  await second.collection('items').add({ _id: 'two', code: 'SAME' });
  await first.commit();
  expect((await rejection(second.commit())).code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await db.collection('items').where({ code: 'SAME' }).get()).data.map((d: { _id: string }) => d._id)).toEqual(['one']);

  // Through the adapter the same refusal is the port's DuplicateKeyError, naming the collection.
  const store = new CloudbaseStore(app);
  const racing = db.startTransaction();
  const lost = store.transaction(async (tx) => {
    await tx.insert('items', { id: 'three', code: 'LATER' });
    const other = await racing;
    await other.collection('items').add({ _id: 'four', code: 'LATER' });
    await other.commit();
  });
  const error = await rejection(lost);
  expect(error).toBeInstanceOf(DuplicateKeyError);
  expect((error as DuplicateKeyError).collection).toBe('items');
  expect(await store.get('items', 'three')).toBeNull();
});

test('a collection that setup did not create cannot be written or read until it is created', async () => {
  const db = connect().database();
  expect((await rejection(db.collection('unplanned').add({ code: 'x' }))).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  expect((await rejection(db.collection('unplanned').get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  await db.createCollection('unplanned');
  await db.collection('unplanned').add({ _id: 'x', code: 'x' });
  expect((await db.collection('unplanned').get()).data).toHaveLength(1);
});

test('a plain write to a document an open transaction has written conflicts, and succeeds once it commits', async () => {
  const app = connect();
  const db = app.database();
  const store = new CloudbaseStore(app);
  await store.insert('items', { id: 'held', code: 'H', n: 0 });
  const open = await db.startTransaction();
  await open.collection('items').doc('held').update({ n: 1 });
  expect((await rejection(db.collection('items').doc('held').update({ n: 5 }))).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await rejection(store.update('items', 'held', { set: { n: 5 } }))).toBeInstanceOf(TransactionConflictError);
  await open.commit();
  expect(await store.update('items', 'held', { inc: { n: 1 } })).toBe(true);
  expect(await store.get('items', 'held')).toMatchObject({ n: 2 });
});

test('a transaction left open past 30 s is dropped with its writes and no longer holds its documents', async () => {
  const app = connect();
  const db = app.database();
  const store = new CloudbaseStore(app);
  await store.insert('items', { id: 'abandoned', code: 'AB', n: 0 });
  let clock = Date.now();
  fake.options.now = () => clock;
  try {
    const open = await db.startTransaction();
    await open.collection('items').doc('abandoned').update({ n: 1 });
    clock += TRANSACTION_LIFETIME_MS - 1;
    expect(await rejection(store.update('items', 'abandoned', { set: { n: 5 } }))).toBeInstanceOf(TransactionConflictError);
    clock += 2;
    expect(await store.update('items', 'abandoned', { set: { n: 5 } })).toBe(true);
    expect(await rejection(open.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: 'Transaction does not exist' });
    expect(await store.get('items', 'abandoned')).toMatchObject({ n: 5 });
  } finally {
    fake.options.now = undefined;
  }
});

test('with a latency configured, every call waits at least its lower bound', async () => {
  const url = await slow.start();
  try {
    const db = connect(url).database();
    const started = process.hrtime.bigint();
    await db.collection('items').add({ _id: 'slow', code: 'S' });
    await db.collection('items').doc('slow').get();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(2 * 30 - 2);
  } finally {
    await slow.stop();
  }
});

import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tcb from '@cloudbase/node-sdk';
import { AppError } from '../../shared/errors';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { cursorAfter, DuplicateKeyError, encodeCursor } from '../../cloudfunctions/app/ports/store';

/**
 * What CloudbaseStore makes the real @cloudbase/node-sdk send. The SDK is pointed with
 * `serviceUrl` at a local HTTP server that records every request body and answers with the
 * response shapes the SDK's own source reads (`data.list` of EJSON strings, `data.insertedIds`,
 * `data.updated`, `data.deleted`, `data.total`, `transactionId`, or `{ code, message }` for an
 * error). Nothing leaves this machine: TENCENTCLOUD=true stops the SDK probing Tencent Cloud's
 * metadata host, and every outgoing HTTP request is checked to go to the local server.
 */

interface Recorded {
  action: string;
  body: Record<string, unknown>;
}

type Answer = (body: Record<string, unknown>) => unknown;

let server: http.Server;
let port: number;
let requests: Recorded[] = [];
let answers: Answer[] = [];
let store: CloudbaseStore;
const hosts: string[] = [];
const savedEnv = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };

function defaultAnswer(body: Record<string, unknown>): unknown {
  switch (body.action) {
    case 'database.getDocument':
      return { requestId: 'req', data: { list: [] } };
    case 'database.insertDocument':
      return { requestId: 'req', data: { insertedIds: [JSON.parse((body.data as string[])[0])._id] } };
    case 'database.modifyDocument':
      return { requestId: 'req', data: { updated: 1, upsert_id: null } };
    case 'database.removeDocument':
      return { requestId: 'req', data: { deleted: 1 } };
    case 'database.calculateDocument':
      return { requestId: 'req', data: { total: 0 } };
    case 'database.startTransaction':
      return { requestId: 'req', transactionId: 'tx-1' };
    default:
      return { requestId: 'req' };
  }
}

/** Queues the answers to the next requests, in order; later requests get the default answer. */
function answerWith(...next: Answer[]): void {
  answers.push(...next);
}

const docs = (...list: Array<Record<string, unknown>>) => () => ({
  requestId: 'req',
  data: { list: list.map((d) => JSON.stringify(d)) },
});

/** EJSON (canonical, as the SDK sends it) back to plain values, keeping regexes visible. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && ['$numberInt', '$numberDouble', '$numberLong'].includes(entries[0][0])) {
      return Number(entries[0][1]);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const ejson = (text: unknown) => plain(JSON.parse(text as string));
const regex = (pattern: string) => ({ $regularExpression: { pattern, options: '' } });

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  for (const mod of [http, https]) {
    const original = mod.request.bind(mod) as (...args: unknown[]) => http.ClientRequest;
    jest.spyOn(mod, 'request').mockImplementation(((...args: unknown[]) => {
      const target = args[0];
      const url = typeof target === 'string' ? new URL(target) : target instanceof URL ? target : null;
      hosts.push(url ? url.hostname : String((target as { hostname?: string; host?: string }).hostname ?? (target as { host?: string }).host));
      return original(...args);
    }) as typeof http.request);
  }
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      requests.push({ action: body.action as string, body });
      const answer = (answers.shift() ?? defaultAnswer)(body);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const app = tcb.init({
    env: 'wire-test-env',
    secretId: 'fake-secret-id',
    secretKey: 'fake-secret-key',
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    keepalive: false,
    timeout: 5000,
  });
  store = new CloudbaseStore(app);
});

beforeEach(() => {
  requests = [];
  answers = [];
});

afterAll(async () => {
  jest.restoreAllMocks();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('CloudbaseStore on the wire', () => {
  test('get asks getDocument for the _id and hands back the document without _id and _openid', async () => {
    answerWith(docs({ _id: 'acc-1', code: 'A1', version: { $numberInt: '3' }, _openid: 'wx-openid' }));
    expect(await store.get('accounts', 'acc-1')).toStrictEqual({ id: 'acc-1', code: 'A1', version: 3 });
    expect(requests).toHaveLength(1);
    const { action, body } = requests[0];
    expect(action).toBe('database.getDocument');
    expect(body).toMatchObject({ collectionName: 'accounts', queryType: 'DOC', multi: false, envName: 'wire-test-env' });
    expect(ejson(body.query)).toEqual({ _id: 'acc-1' });
  });

  test('get answers null when the list comes back empty', async () => {
    expect(await store.get('accounts', 'nobody')).toBeNull();
  });

  test('insert sends the document once, with its id as _id and no id field', async () => {
    await store.insert('accounts', { id: 'acc-2', code: 'A2', openid: null, version: 1, meta: { tags: ['x'] } });
    expect(requests.map((r) => r.action)).toEqual(['database.insertDocument']);
    const data = requests[0].body.data as string[];
    expect(data).toHaveLength(1);
    expect(ejson(data[0])).toStrictEqual({ _id: 'acc-2', code: 'A2', openid: null, version: 1, meta: { tags: ['x'] } });
  });

  test('a conditional update is one modifyDocument: where _id and the expected version, $set and $inc', async () => {
    const applied = await store.update(
      'accounts',
      'acc-1',
      { set: { status: 'locked', lockedUntil: null, summary: { a: 1 } }, inc: { version: 1 } },
      { version: 3 },
    );
    expect(applied).toBe(true);
    expect(requests).toHaveLength(1);
    const { action, body } = requests[0];
    expect(action).toBe('database.modifyDocument');
    expect(body).toMatchObject({ collectionName: 'accounts', queryType: 'WHERE', merge: true, upsert: false });
    expect(ejson(body.query)).toEqual({ _id: 'acc-1', version: 3 });
    expect(ejson(body.data)).toEqual({
      $set: { status: 'locked', lockedUntil: null, summary: { a: 1 } },
      $inc: { version: 1 },
    });
  });

  test('a conditional update that modified nothing answers false without asking again when it increments', async () => {
    answerWith(() => ({ requestId: 'req', data: { updated: 0 } }));
    expect(await store.update('accounts', 'acc-1', { inc: { version: 1 } }, { version: 3 })).toBe(false);
    expect(requests.map((r) => r.action)).toEqual(['database.modifyDocument']);
  });

  test('an update that modified nothing but only sets values checks whether the document already holds them', async () => {
    answerWith(() => ({ requestId: 'req', data: { updated: 0 } }), docs({ _id: 'acc-1', status: 'locked', version: 3 }));
    expect(await store.update('accounts', 'acc-1', { set: { status: 'locked' } }, { version: 3 })).toBe(true);
    expect(requests.map((r) => r.action)).toEqual(['database.modifyDocument', 'database.getDocument']);
    expect(ejson(requests[1].body.query)).toEqual({ _id: 'acc-1', version: 3 });

    requests = [];
    answerWith(() => ({ requestId: 'req', data: { updated: 0 } }), docs());
    expect(await store.update('accounts', 'acc-1', { set: { status: 'locked' } }, { version: 3 })).toBe(false);
  });

  test('find sends $prefix as an anchored literal regex, anyOf as $or, the keyset after the cursor, the order and limit + 1', async () => {
    const after = encodeCursor(['2018-11-20T00:00:00.000Z', 'acc-9']);
    const page = [
      { _id: 'acc-8', unitPath: '/root/a.b/', createdAt: '2018-11-19T00:00:00.000Z', code: 'A8' },
      { _id: 'acc-7', unitPath: '/root/a.b/x/', createdAt: '2018-11-18T00:00:00.000Z', code: 'A7' },
      { _id: 'acc-6', unitPath: '/root/a.b/', createdAt: '2018-11-17T00:00:00.000Z', code: 'A6' },
    ];
    answerWith(docs(...page));
    const result = await store.find('accounts', {
      where: { unitPath: { $prefix: '/root/a.b/' } },
      anyOf: [{ code: { $prefix: 'A' } }, { name: { $contains: '李(1)' } }],
      orderBy: { fields: ['createdAt'], direction: 'desc' },
      after,
      limit: 2,
    });

    expect(requests).toHaveLength(1);
    const { action, body } = requests[0];
    expect(action).toBe('database.getDocument');
    expect(body).toMatchObject({ collectionName: 'accounts', queryType: 'WHERE', limit: 3 });
    expect(ejson(body.order)).toEqual({ createdAt: -1, _id: -1 });
    expect(Object.keys(ejson(body.order) as object)).toEqual(['createdAt', '_id']);
    expect(ejson(body.query)).toEqual({
      $and: [
        { unitPath: regex('^/root/a\\.b/') },
        { $or: [{ code: regex('^A') }, { name: regex('李\\(1\\)') }] },
        {
          $or: [
            // createdAt before the cursor's (nulls sort last when descending)…
            { $or: [{ createdAt: { $lt: '2018-11-20T00:00:00.000Z' } }, { createdAt: null }] },
            // …or the same createdAt and a smaller id.
            { createdAt: '2018-11-20T00:00:00.000Z', _id: { $lt: 'acc-9' } },
          ],
        },
      ],
    });

    expect(result.items).toStrictEqual([
      { id: 'acc-8', unitPath: '/root/a.b/', createdAt: '2018-11-19T00:00:00.000Z', code: 'A8' },
      { id: 'acc-7', unitPath: '/root/a.b/x/', createdAt: '2018-11-18T00:00:00.000Z', code: 'A7' },
    ]);
    expect(result.nextCursor).toBe(cursorAfter(result.items[1] as unknown as Record<string, unknown>, ['createdAt']));
  });

  test('find answers no nextCursor when fewer than limit + 1 documents come back', async () => {
    answerWith(docs({ _id: 'u1', createdAt: 'a' }, { _id: 'u2', createdAt: 'b' }));
    const result = await store.find('units', { orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 2 });
    expect(result.items.map((d) => d.id)).toEqual(['u1', 'u2']);
    expect(result.nextCursor).toBeNull();
    expect(requests[0].body.query).toBeUndefined();
    expect(requests[0].body.limit).toBe(3);
  });

  test('a limit above the SDK cap of 1000 is fetched in batches that continue after the last document', async () => {
    const many = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ _id: `d${String(from + i).padStart(5, '0')}`, n: from + i }));
    answerWith(docs(...many(0, 1000)), docs(...many(1000, 300)));
    const result = await store.find('audit', { orderBy: { fields: [], direction: 'asc' }, limit: 1500 });
    expect(result.items).toHaveLength(1300);
    expect(result.nextCursor).toBeNull();
    expect(requests.map((r) => r.body.limit)).toEqual([1000, 501]);
    expect(requests[0].body.query).toBeUndefined();
    expect(ejson(requests[1].body.query)).toEqual({ _id: { $gt: 'd00999' } });
  });

  test('count sends calculateDocument with the where and answers the total', async () => {
    answerWith(() => ({ requestId: 'req', data: { total: 7 } }));
    expect(await store.count('accounts', { unitPath: { $prefix: '/root/' }, status: { $in: ['active', 'locked'] } })).toBe(7);
    const { action, body } = requests[0];
    expect(action).toBe('database.calculateDocument');
    expect(ejson(body.query)).toEqual({ unitPath: regex('^/root/'), status: { $in: ['active', 'locked'] } });
  });

  test('a null filter value is sent as null, which CloudBase matches against null and missing fields', async () => {
    await store.count('accounts', { openid: null, lockedUntil: { $ne: null } });
    expect(ejson(requests[0].body.query)).toEqual({ openid: null, lockedUntil: { $ne: null } });
  });

  test('a duplicate key answer becomes DuplicateKeyError, whether coded DATABASE_DUPLICATE_WRITE or wrapping E11000', async () => {
    answerWith(() => ({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: '[FailedOperation.DuplicateWrite] duplicate write. Please check your request.',
      requestId: 'req',
    }));
    await expect(store.insert('accounts', { id: 'acc-1' })).rejects.toBeInstanceOf(DuplicateKeyError);

    answerWith(() => ({
      code: 'DATABASE_REQUEST_FAILED',
      message: 'E11000 duplicate key error collection: tcb.accounts index: code_1 dup key: { code: "A1" }',
      requestId: 'req',
    }));
    const error = await store.update('accounts', 'acc-2', { set: { code: 'A1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect((error as DuplicateKeyError).collection).toBe('accounts');
  });

  test('any other error answer comes out as the SDK error with its code, not as DuplicateKeyError', async () => {
    answerWith(() => ({ code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied', requestId: 'req' }));
    const error = await store.insert('accounts', { id: 'acc-3' }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DuplicateKeyError);
    expect((error as { code?: string }).code).toBe('DATABASE_PERMISSION_DENIED');
  });

  test('a transaction sends single-document operations under its id and commits', async () => {
    answerWith(defaultAnswer, docs({ _id: 'acc-1', version: 3, status: 'active' }));
    const result = await store.transaction(async (tx) => {
      const applied = await tx.update('accounts', 'acc-1', { set: { status: 'locked' }, inc: { version: 1 } }, { version: 3 });
      await tx.insert('audit', { id: 'aud-1', action: 'lock' });
      return applied;
    });
    expect(result).toBe(true);
    expect(requests.map((r) => r.action)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.commitTransaction',
    ]);
    for (const { body } of requests.slice(1)) expect(body.transactionId).toBe('tx-1');
    expect(requests[2].body).toMatchObject({ queryType: 'DOC', multi: false });
    expect(ejson(requests[2].body.query)).toEqual({ _id: 'acc-1' });
    expect(ejson(requests[2].body.data)).toEqual({ $set: { status: 'locked' }, $inc: { version: 1 } });
  });

  test('inside a transaction, expect is checked against the document read, and a mismatch writes nothing', async () => {
    answerWith(defaultAnswer, docs({ _id: 'acc-1', version: 4 }));
    const applied = await store.transaction((tx) => tx.update('accounts', 'acc-1', { inc: { version: 1 } }, { version: 3 }));
    expect(applied).toBe(false);
    expect(requests.map((r) => r.action)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.commitTransaction',
    ]);
  });

  test('an error thrown inside a transaction aborts it and comes out as the very same error', async () => {
    const thrown = new AppError('CONFLICT');
    const error = await store
      .transaction(async (tx) => {
        await tx.insert('sessions', { id: 's-1' });
        throw thrown;
      })
      .catch((e: unknown) => e);
    expect(error).toBe(thrown);
    expect(requests.map((r) => r.action)).toEqual([
      'database.startTransaction',
      'database.insertDocument',
      'database.abortTransaction',
    ]);
    expect(requests[2].body.transactionId).toBe('tx-1');
  });

  test('the SDK talked to no host but the local server', () => {
    expect(hosts.length).toBeGreaterThan(0);
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
  });
});

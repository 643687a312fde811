import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexName, type IndexSpec } from '../../cloudfunctions/app/collections/index-spec';

/**
 * A local stand-in for CloudBase: the database endpoint that @cloudbase/node-sdk calls (pointed at
 * it with `serviceUrl`) and the management API that @cloudbase/manager-node calls for collections
 * and indexes (pointed at it with TCB_BASE_URL). Each CloudBase environment (the SDK's `env`) has
 * its own data, so many test applications share one server.
 *
 * Queries and updates follow MongoDB's rules, which CloudBase's document database follows:
 * - `{f: null}` / `$eq: null` / `$in: [null]` match null and missing; `$ne: x` matches missing;
 * - range operators compare only within one type (numbers with numbers, strings with strings,
 *   strings by UTF-8 bytes); null and missing never satisfy `$gt`/`$lt`;
 * - sorting puts null/missing first, then numbers, then strings;
 * - `updated` counts documents actually changed (MongoDB's nModified);
 * - a unique index treats null and missing as a value: two documents without one collide.
 *
 * It is strict where CloudBase is strict, so code that only works on a lenient store fails here:
 * 1. A query returns at most 1000 documents, whatever its limit: "limit 在云函数端默认及最大上限为 1000"
 *    (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.md).
 * 2. Inside a transaction only single-document operations exist — doc(id).get/update/set/remove and
 *    add (https://docs.cloudbase.net/database/transaction, "事务中的数据操作"); a query, count or
 *    multi-document write in a transaction is refused.
 * 3. Unique indexes are checked when a document is written and again at commit, against what other
 *    transactions committed meanwhile (MongoDB's E11000, CloudBase's DATABASE_DUPLICATE_WRITE).
 * 4. A collection exists only once created (by setup, through the management API or
 *    db.createCollection); any operation on another fails with DATABASE_COLLECTION_NOT_EXIST
 *    (https://docs.cloudbase.net/error-code/basic/DATABASE_COLLECTION_NOT_EXIST).
 * 5. A transaction works on a snapshot with MongoDB's write-conflict rules
 *    (https://www.mongodb.com/docs/manual/core/transactions-production-consideration/#in-progress-transactions-and-write-conflicts):
 *    writing a document changed since the snapshot, or one another open transaction has written,
 *    conflicts and aborts the transaction; a plain write to a document an open transaction has
 *    written conflicts too (MongoDB makes it wait for the transaction, up to a time limit; the
 *    stand-in takes the strict end and refuses it at once, so callers must handle it).
 * 6. Every call takes time: `latencyMs: [min, max]` delays each answer by a uniform random time in
 *    that range, half before the database acts and half after, so concurrent calls interleave as
 *    they do over a network.
 * 7. A transaction lives at most 30 s: "transaction must be committed or aborted within 30 seconds"
 *    (https://docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL). One its caller abandoned (a call
 *    of it, or its rollback, timed out) is then dropped with its writes, and no longer holds its documents;
 *    calling it answers DATABASE_TRANSACTION_FAIL "Transaction does not exist".
 * It is a model, not CloudBase: only the real-environment suite proves the real thing.
 */

type Value = unknown;
type Document = Record<string, Value> & { _id: string };
type Collection = Map<string, { doc: Document; version: number }>;

type Entry = { doc: Document; version: number };

/**
 * A transaction sees the database as of its start: each document it reads is the committed one, rolled
 * back through the undo log to `startSeq`; what it writes stays in `overlay` (null: removed) until commit.
 * (Only single documents are read in a transaction, so no collection is ever copied whole.)
 */
interface TransactionState {
  startSeq: number;
  /** When it started (options.now), for rule 7. */
  startedAt: number;
  overlay: Map<string, Entry | null>;
}

interface NamedIndex extends IndexSpec {
  name: string;
}

interface Environment {
  collections: Map<string, Collection>;
  indexes: Map<string, NamedIndex[]>;
  transactions: Map<string, TransactionState>;
  /** Committed writes so far; `lastWrite` holds each document's latest, `undo` what it was before (while transactions are open). */
  seq: number;
  lastWrite: Map<string, number>;
  undo: Array<{ seq: number; key: string; before: Entry | undefined }>;
}

export interface FakeCloudbaseOptions {
  /** Each call's delay in ms, uniform in [min, max]. */
  latencyMs?: [number, number];
  /** The stand-in's clock in ms, for rule 7 (Date.now unless a test moves time). */
  now?: () => number;
}

/** Rule 7: how long a transaction may stay open. */
export const TRANSACTION_LIFETIME_MS = 30_000;

/** The server's cap on documents per query (rule 1). */
export const MAX_QUERY_LIMIT = 1000;

class RegexValue {
  constructor(readonly pattern: string, readonly options: string) {}
  test(value: Value): boolean {
    return typeof value === 'string' && new RegExp(this.pattern, this.options.replace(/[^imsu]/g, '')).test(value);
  }
}

class CloudbaseError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** EJSON canonical form (as the SDK sends it) to plain values; regexes become RegexValue. */
function decode(value: Value): Value {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Value>);
    if (entries.length === 1) {
      const [key, inner] = entries[0];
      if (key === '$numberInt' || key === '$numberDouble' || key === '$numberLong') return Number(inner);
      if (key === '$regularExpression') {
        const { pattern, options } = inner as { pattern: string; options: string };
        return new RegexValue(pattern, options);
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

const parse = (text: Value) => decode(JSON.parse(String(text)));

function typeRank(value: Value): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  if (typeof value === 'boolean') return 5;
  return 6;
}

function compare(a: Value, b: Value): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1) return (a as number) - (b as number);
  if (ra === 2) return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'));
  if (ra === 5) return Number(a) - Number(b);
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
}

function equals(a: Value, b: Value): boolean {
  if (b === null) return a === null || a === undefined;
  if (typeRank(a) !== typeRank(b)) return false;
  return compare(a, b) === 0;
}

function matchesOperator(value: Value, op: string, operand: Value): boolean {
  switch (op) {
    case '$eq':
      return operand instanceof RegexValue ? operand.test(value) : equals(value, operand);
    case '$ne':
      return !equals(value, operand);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (operand === null) return op.endsWith('e') && (value === null || value === undefined);
      if (typeRank(value) !== typeRank(operand)) return false;
      const order = compare(value, operand);
      return op === '$gt' ? order > 0 : op === '$gte' ? order >= 0 : op === '$lt' ? order < 0 : order <= 0;
    }
    case '$in':
      return (operand as Value[]).some((candidate) =>
        candidate instanceof RegexValue ? candidate.test(value) : equals(value, candidate),
      );
    case '$nin':
      return !(operand as Value[]).some((candidate) => equals(value, candidate));
    case '$exists':
      return (value !== undefined) === Boolean(operand);
    default:
      throw new CloudbaseError('DATABASE_INVALID_OPERRATOR', `unsupported operator ${op}`);
  }
}

function matchesField(value: Value, condition: Value): boolean {
  if (condition instanceof RegexValue) return condition.test(value);
  if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
    const entries = Object.entries(condition as Record<string, Value>);
    if (entries.length > 0 && entries.every(([k]) => k.startsWith('$'))) {
      return entries.every(([op, operand]) => matchesOperator(value, op, operand));
    }
  }
  return equals(value, condition);
}

function matches(doc: Document, query: Value): boolean {
  for (const [key, condition] of Object.entries((query ?? {}) as Record<string, Value>)) {
    if (key === '$and') {
      if (!(condition as Value[]).every((q) => matches(doc, q))) return false;
    } else if (key === '$or') {
      if (!(condition as Value[]).some((q) => matches(doc, q))) return false;
    } else if (key === '$nor') {
      if ((condition as Value[]).some((q) => matches(doc, q))) return false;
    } else if (key.startsWith('$')) {
      throw new CloudbaseError('DATABASE_INVALID_OPERRATOR', `unsupported operator ${key}`);
    } else if (!matchesField(doc[key], condition)) {
      return false;
    }
  }
  return true;
}

function applyUpdate(doc: Document, update: Record<string, Record<string, Value>>): Document {
  const next: Document = structuredClone(doc);
  for (const [op, fields] of Object.entries(update)) {
    for (const [field, value] of Object.entries(fields)) {
      if (field === '_id') throw new CloudbaseError('DATABASE_REQUEST_FAILED', 'cannot update _id');
      if (op === '$set') next[field] = structuredClone(value);
      else if (op === '$unset') delete next[field];
      else if (op === '$inc') {
        const current = next[field] ?? 0;
        if (typeof current !== 'number') throw new CloudbaseError('DATABASE_REQUEST_FAILED', `cannot $inc ${field}`);
        next[field] = current + (value as number);
      } else throw new CloudbaseError('DATABASE_INVALID_OPERRATOR', `unsupported update operator ${op}`);
    }
  }
  return next;
}

const deepEqual = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

const conflict = () => new CloudbaseError('DATABASE_TRANSACTION_CONFLICT', 'Transaction is conflict, maybe resource operated by others');

/** A query that names one document by id: the only kind a transaction may run (rule 2). */
function isSingleDocument(query: Value): boolean {
  const entries = Object.entries((query ?? {}) as Record<string, Value>);
  return entries.length === 1 && entries[0][0] === '_id' && typeof entries[0][1] === 'string';
}

export class FakeCloudbase {
  private server!: http.Server;
  private environments = new Map<string, Environment>();
  private nextId = 1;
  /** Every database action received, in order. */
  readonly actions: string[] = [];
  /** Every management action received (DescribeTable, …), in order. */
  readonly managementActions: string[] = [];

  /**
   * @param provisioned collections (with their indexes) every environment starts with, as if
   *   `npm run setup:cloudbase` had run; `{}` for environments that setup has yet to prepare.
   */
  constructor(
    private readonly provisioned: Record<string, IndexSpec[]>,
    /** May change while running, e.g. latency only once a benchmark's data is in place. */
    readonly options: FakeCloudbaseOptions = {},
  ) {}

  /** Starts listening; returns the database endpoint (the SDK's `serviceUrl`). */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://stand-in');
        const management = url.pathname.startsWith('/manage');
        const answer = (status: number, body: unknown) => {
          res.statusCode = status;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(body));
        };
        const [min, max] = this.options.latencyMs ?? [0, 0];
        const delay = min + Math.random() * (max - min);
        const later = (fn: () => void) => (delay > 0 ? setTimeout(fn, delay / 2) : fn());
        later(() => {
          const result = management
            ? this.manage(String(req.headers['x-tc-action']), text)
            : this.database(url.searchParams.get('env') ?? '', text);
          later(() => answer(200, result));
        });
      });
    });
    // Longer than the test client's idle timeout (test-store.ts), so the client always closes first.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `${this.origin()}/admin`;
  }

  /** The management API's base URL, for @cloudbase/manager-node through TCB_BASE_URL. */
  managementUrl(): string {
    return `${this.origin()}/manage`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every environment back to its provisioned, empty state. */
  reset(): void {
    this.environments = new Map();
  }

  /** Drops an index from an environment, as an operator might by mistake in the console. */
  dropIndex(envId: string, collection: string, name: string): void {
    const env = this.environment(envId);
    env.indexes.set(collection, (env.indexes.get(collection) ?? []).filter((index) => index.name !== name));
  }

  /** The collections of an environment with the names of their indexes (besides `_id_`). */
  describe(envId: string): Record<string, Array<{ name: string; fields: string[]; unique: boolean }>> {
    const env = this.environment(envId);
    return Object.fromEntries(
      [...env.collections.keys()].map((name) => [
        name,
        (env.indexes.get(name) ?? []).map((i) => ({ name: i.name, fields: i.fields, unique: Boolean(i.unique) })),
      ]),
    );
  }

  private origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private environment(envId: string): Environment {
    let env = this.environments.get(envId);
    if (!env) {
      env = { collections: new Map(), indexes: new Map(), transactions: new Map(), seq: 0, lastWrite: new Map(), undo: [] };
      for (const [name, indexes] of Object.entries(this.provisioned)) {
        env.collections.set(name, new Map());
        env.indexes.set(name, indexes.map((index) => ({ ...index, name: indexName(index) })));
      }
      this.environments.set(envId, env);
    }
    return env;
  }

  private database(envId: string, text: string): unknown {
    try {
      const body = JSON.parse(text) as Record<string, Value>;
      this.actions.push(String(body.action));
      return { requestId: `fake-${this.nextId++}`, ...(this.handle(this.environment(envId), body) as object) };
    } catch (error) {
      const e = error as CloudbaseError;
      return { code: e.code ?? 'SYS_ERR', message: e.message, requestId: 'fake-error' };
    }
  }

  /** The few management actions (tcb API 2018-06-08) that collection and index setup uses. */
  private manage(action: string, text: string): unknown {
    const RequestId = `fake-${this.nextId++}`;
    this.managementActions.push(action);
    const body = JSON.parse(text || '{}') as Record<string, unknown>;
    const env = this.environment(String(body.EnvId ?? ''));
    const table = String(body.TableName ?? '');
    const fail = (Code: string, Message: string) => ({ Response: { RequestId, Error: { Code, Message } } });
    switch (action) {
      case 'DescribeEnvInfo':
        return {
          Response: {
            RequestId,
            EnvInfo: { EnvBaseInfo: { EnvId: body.EnvId, Alias: 'stand-in', Status: 'NORMAL', Databases: [{ InstanceId: 'stand-in-db', Status: 'RUNNING' }], Storages: [] } },
          },
        };
      case 'CreateTable':
        if (env.collections.has(table)) return fail('ResourceInUse', `table ${table} exists`);
        env.collections.set(table, new Map());
        env.indexes.set(table, []);
        return { Response: { RequestId } };
      case 'DescribeTable': {
        if (!env.collections.has(table)) return fail('ResourceNotFound', `table ${table} does not exist`);
        const indexes = [{ name: '_id_', fields: ['_id'], unique: true }, ...(env.indexes.get(table) ?? [])];
        return {
          Response: {
            RequestId,
            IndexNum: indexes.length,
            Indexes: indexes.map((i) => ({
              Name: i.name,
              Size: 0,
              Unique: Boolean(i.unique),
              Keys: i.fields.map((field) => ({ Name: field, Direction: '1' })),
              Accesses: { Ops: 0, Since: '' },
            })),
          },
        };
      }
      case 'UpdateTable': {
        if (!env.collections.has(table)) return fail('ResourceNotFound', `table ${table} does not exist`);
        const current = env.indexes.get(table) ?? [];
        const create = (body.CreateIndexes ?? []) as Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string }>; MgoIsUnique: boolean } }>;
        for (const spec of create) {
          if (current.some((i) => i.name === spec.IndexName)) return fail('ResourceInUse', `index ${spec.IndexName} exists`);
          const index: NamedIndex = { name: spec.IndexName, fields: spec.MgoKeySchema.MgoIndexKeys.map((k) => k.Name), unique: spec.MgoKeySchema.MgoIsUnique };
          if (index.unique && this.violatesUnique(env.collections.get(table)!, index)) {
            return fail('FailedOperation', `E11000 duplicate key error: existing documents break ${index.name}`);
          }
          current.push(index);
        }
        env.indexes.set(table, current);
        return { Response: { RequestId } };
      }
      default:
        return fail('InvalidAction', `the stand-in does not model ${action}`);
    }
  }

  private handle(env: Environment, body: Record<string, Value>): unknown {
    const action = String(body.action);
    const now = (this.options.now ?? Date.now)();
    for (const [id, tx] of env.transactions) {
      if (now - tx.startedAt > TRANSACTION_LIFETIME_MS) env.transactions.delete(id);
    }
    if (action === 'database.startTransaction') {
      const id = `tx-${this.nextId++}`;
      env.transactions.set(id, { startSeq: env.seq, startedAt: now, overlay: new Map() });
      return { transactionId: id };
    }
    if (action === 'database.commitTransaction') return this.commit(env, String(body.transactionId));
    if (action === 'database.abortTransaction') {
      if (!env.transactions.delete(String(body.transactionId))) {
        throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
      }
      return {};
    }
    const name = String(body.collectionName);
    if (action === 'database.addCollection') {
      if (env.collections.has(name)) throw new CloudbaseError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
      env.collections.set(name, new Map());
      env.indexes.set(name, []);
      return {};
    }
    const txId = body.transactionId ? String(body.transactionId) : undefined;
    const tx = txId ? env.transactions.get(txId) : undefined;
    if (txId && !tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
    if (!env.collections.has(name)) throw new CloudbaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    const query = body.query ? parse(body.query) : {};
    if (tx) {
      this.checkSingleDocument(env, txId!, action, body, query);
      return this.inTransaction(env, tx, txId!, name, action, body, query);
    }
    const coll = this.collection(env.collections, name);
    const found = () => [...coll.values()].map((e) => e.doc).filter((doc) => matches(doc, query));

    switch (action) {
      case 'database.getDocument': {
        let list = found();
        const order = body.order ? (parse(body.order) as Record<string, number>) : {};
        list.sort((a, b) => {
          for (const [field, dir] of Object.entries(order)) {
            const c = compare(a[field], b[field]);
            if (c !== 0) return c * dir;
          }
          return 0;
        });
        const offset = Number(body.offset ?? 0);
        list = list.slice(offset, offset + Math.min(Number(body.limit ?? 100), MAX_QUERY_LIMIT));
        return { data: { list: list.map((doc) => JSON.stringify(doc)) } };
      }
      case 'database.calculateDocument':
        return { data: { total: found().length } };
      case 'database.insertDocument': {
        const ids: string[] = [];
        for (const text of body.data as string[]) {
          const doc = parse(text) as Document;
          if (doc._id === undefined) doc._id = `auto-${this.nextId++}`;
          if (coll.has(doc._id)) throw this.duplicate(name, '_id_');
          this.write(env, name, doc._id, doc);
          ids.push(doc._id);
        }
        return { data: { insertedIds: ids } };
      }
      case 'database.modifyDocument': {
        if (body.upsert) throw new CloudbaseError('DATABASE_INVALID_OPERRATOR', 'upsert is not modelled');
        const update = parse(body.data) as Record<string, Record<string, Value>>;
        let targets = found();
        if (!body.multi) targets = targets.slice(0, 1);
        let updated = 0;
        for (const doc of targets) {
          const next = applyUpdate(doc, update);
          if (deepEqual(next, doc)) continue;
          this.write(env, name, doc._id, next);
          updated++;
        }
        return { data: { updated, upsert_id: null } };
      }
      case 'database.removeDocument': {
        let targets = found();
        if (!body.multi) targets = targets.slice(0, 1);
        for (const doc of targets) this.write(env, name, doc._id, null);
        return { data: { deleted: targets.length } };
      }
      default:
        throw new CloudbaseError('INVALID_PARAM', `unknown action ${action}`);
    }
  }

  /** Rule 2: a transaction reads and writes one document at a time, named by its id. */
  private checkSingleDocument(env: Environment, txId: string, action: string, body: Record<string, Value>, query: Value): void {
    const single =
      action === 'database.insertDocument'
        ? (body.data as unknown[]).length === 1
        : ['database.getDocument', 'database.modifyDocument', 'database.removeDocument'].includes(action) && !body.multi && isSingleDocument(query);
    if (!single) {
      env.transactions.delete(txId);
      throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', `only single-document operations are allowed in a transaction, not ${action} on ${JSON.stringify(query)}`);
    }
  }

  private collection(space: Map<string, Collection>, name: string): Collection {
    let coll = space.get(name);
    if (!coll) space.set(name, (coll = new Map()));
    return coll;
  }

  /** One single-document operation of a transaction (rule 2 has been checked). */
  private inTransaction(env: Environment, tx: TransactionState, txId: string, name: string, action: string, body: Record<string, Value>, query: Value): unknown {
    const id = action === 'database.insertDocument' ? undefined : String((query as { _id: string })._id);
    switch (action) {
      case 'database.getDocument': {
        const current = this.seen(env, tx, name, id!);
        return { data: { list: current ? [JSON.stringify(current.doc)] : [] } };
      }
      case 'database.insertDocument': {
        const doc = parse((body.data as string[])[0]) as Document;
        if (doc._id === undefined) doc._id = `auto-${this.nextId++}`;
        if (this.seen(env, tx, name, doc._id)) throw this.duplicate(name, '_id_');
        this.writeInTransaction(env, tx, txId, name, doc._id, doc);
        return { data: { insertedIds: [doc._id] } };
      }
      case 'database.modifyDocument': {
        if (body.upsert) throw new CloudbaseError('DATABASE_INVALID_OPERRATOR', 'upsert is not modelled');
        const current = this.seen(env, tx, name, id!);
        if (!current) return { data: { updated: 0, upsert_id: null } };
        const next = applyUpdate(current.doc, parse(body.data) as Record<string, Record<string, Value>>);
        if (deepEqual(next, current.doc)) return { data: { updated: 0, upsert_id: null } };
        this.writeInTransaction(env, tx, txId, name, id!, next);
        return { data: { updated: 1, upsert_id: null } };
      }
      default: {
        const current = this.seen(env, tx, name, id!);
        if (current) this.writeInTransaction(env, tx, txId, name, id!, null);
        return { data: { deleted: current ? 1 : 0 } };
      }
    }
  }

  /** The document as the transaction sees it: its own write, or the committed one as of its start. */
  private seen(env: Environment, tx: TransactionState, name: string, id: string): Entry | undefined {
    const key = `${name}/${id}`;
    if (tx.overlay.has(key)) return tx.overlay.get(key) ?? undefined;
    const changed = env.undo.find((u) => u.key === key && u.seq > tx.startSeq);
    return changed ? changed.before : env.collections.get(name)?.get(id);
  }

  private writeInTransaction(env: Environment, tx: TransactionState, txId: string, name: string, id: string, doc: Document | null): void {
    const key = `${name}/${id}`;
    const lockedByOther = [...env.transactions.values()].some((other) => other !== tx && other.overlay.has(key));
    if (lockedByOther || (env.lastWrite.get(key) ?? 0) > tx.startSeq) {
      // MongoDB aborts a transaction that hits a write conflict (TransientTransactionError).
      env.transactions.delete(txId);
      throw conflict();
    }
    if (doc) {
      const committed = this.collection(env.collections, name);
      const mine = new Map([...tx.overlay].filter(([k, e]) => k.startsWith(`${name}/`) && e).map(([k, e]) => [k.slice(name.length + 1), e!]));
      const ignore = new Set([...tx.overlay.keys()].filter((k) => k.startsWith(`${name}/`)).map((k) => k.slice(name.length + 1)));
      for (const index of this.uniqueIndexes(env, name)) {
        if (this.clash(committed, index, id, doc, ignore) || this.clash(mine, index, id, doc)) {
          env.transactions.delete(txId);
          throw this.duplicate(name, index.name);
        }
      }
    }
    tx.overlay.set(key, doc ? { doc, version: (this.seen(env, tx, name, id)?.version ?? 0) + 1 } : null);
  }

  /** A plain write (or removal, with null) of one document: unique indexes, and rule 5 against open transactions. */
  private write(env: Environment, name: string, id: string, doc: Document | null) {
    const coll = this.collection(env.collections, name);
    if ([...env.transactions.values()].some((tx) => tx.overlay.has(`${name}/${id}`))) throw conflict();
    if (doc) {
      for (const index of this.uniqueIndexes(env, name)) {
        if (this.clash(coll, index, id, doc)) throw this.duplicate(name, index.name);
      }
    }
    this.commitWrite(env, name, id, doc ? { doc, version: (coll.get(id)?.version ?? 0) + 1 } : null);
  }

  /** Makes one document's new state committed, keeping its old state for transactions that started before. */
  private commitWrite(env: Environment, name: string, id: string, entry: Entry | null): void {
    const coll = this.collection(env.collections, name);
    const key = `${name}/${id}`;
    env.seq++;
    if (env.transactions.size > 0) {
      const oldest = Math.min(...[...env.transactions.values()].map((tx) => tx.startSeq));
      env.undo = env.undo.filter((u) => u.seq > oldest);
      env.undo.push({ seq: env.seq, key, before: coll.get(id) });
    } else {
      env.undo = [];
    }
    env.lastWrite.set(key, env.seq);
    if (entry) coll.set(id, entry);
    else coll.delete(id);
  }

  private uniqueIndexes(env: Environment, name: string): NamedIndex[] {
    return (env.indexes.get(name) ?? []).filter((index) => index.unique);
  }

  /** Another document of `coll` with the same values as `doc` in a unique index. */
  private clash(coll: Collection, index: NamedIndex, id: string, doc: Document, ignore: Set<string> = new Set()): boolean {
    const value = JSON.stringify(index.fields.map((f) => doc[f] ?? null));
    for (const [otherId, other] of coll) {
      if (otherId !== id && !ignore.has(otherId) && JSON.stringify(index.fields.map((f) => other.doc[f] ?? null)) === value) return true;
    }
    return false;
  }

  private violatesUnique(coll: Collection, index: NamedIndex): boolean {
    const seen = new Set<string>();
    for (const { doc } of coll.values()) {
      const value = JSON.stringify(index.fields.map((f) => doc[f] ?? null));
      if (seen.has(value)) return true;
      seen.add(value);
    }
    return false;
  }

  /** Rule 3 at commit: the transaction's documents against what others committed since it started. */
  private commit(env: Environment, id: string): unknown {
    const tx = env.transactions.get(id);
    if (!tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
    env.transactions.delete(id);
    const writes = [...tx.overlay].map(([key, entry]) => {
      const cut = key.indexOf('/');
      return { name: key.slice(0, cut), docId: key.slice(cut + 1), entry };
    });
    for (const { name, docId, entry } of writes) {
      if (!entry) continue;
      const mine = new Set(writes.filter((w) => w.name === name).map((w) => w.docId));
      for (const index of this.uniqueIndexes(env, name)) {
        if (this.clash(this.collection(env.collections, name), index, docId, entry.doc, mine)) throw this.duplicate(name, index.name);
      }
    }
    for (const { name, docId, entry } of writes) this.commitWrite(env, name, docId, entry);
    return {};
  }

  private duplicate(collection: string, index: string): CloudbaseError {
    return new CloudbaseError(
      'DATABASE_DUPLICATE_WRITE',
      `[FailedOperation.DuplicateWrite] E11000 duplicate key error collection: ${collection} index: ${index}`,
    );
  }
}

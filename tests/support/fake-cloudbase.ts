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
 * It is a model, not CloudBase: only the real-environment suite proves the real thing.
 */

type Value = unknown;
type Document = Record<string, Value> & { _id: string };
type Collection = Map<string, { doc: Document; version: number }>;

interface TransactionState {
  collections: Map<string, Collection>;
  written: Set<string>;
}

interface NamedIndex extends IndexSpec {
  name: string;
}

interface Environment {
  collections: Map<string, Collection>;
  indexes: Map<string, NamedIndex[]>;
  transactions: Map<string, TransactionState>;
}

export interface FakeCloudbaseOptions {
  /** Each call's delay in ms, uniform in [min, max]. */
  latencyMs?: [number, number];
}

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
      env = { collections: new Map(), indexes: new Map(), transactions: new Map() };
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
    if (action === 'database.startTransaction') {
      const id = `tx-${this.nextId++}`;
      env.transactions.set(id, { collections: this.snapshot(env), written: new Set() });
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
    const space = tx ? tx.collections : env.collections;
    const coll = this.collection(space, name);
    const query = body.query ? parse(body.query) : {};
    if (tx) this.checkSingleDocument(env, txId!, action, body, query);
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
          this.write(env, tx, txId, space, name, doc._id, doc);
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
          this.write(env, tx, txId, space, name, doc._id, next);
          updated++;
        }
        return { data: { updated, upsert_id: null } };
      }
      case 'database.removeDocument': {
        let targets = found();
        if (!body.multi) targets = targets.slice(0, 1);
        for (const doc of targets) this.write(env, tx, txId, space, name, doc._id, null);
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

  /** Entries are replaced, never changed in place, so a shallow copy of each collection is a snapshot. */
  private snapshot(env: Environment): Map<string, Collection> {
    return new Map([...env.collections].map(([name, coll]) => [name, new Map(coll)]));
  }

  /** Writes (or removes, with null) one document, checking unique indexes and conflicts. */
  private write(
    env: Environment,
    tx: TransactionState | undefined,
    txId: string | undefined,
    space: Map<string, Collection>,
    name: string,
    id: string,
    doc: Document | null,
  ) {
    const coll = this.collection(space, name);
    const key = `${name}/${id}`;
    const lockedByOther = [...env.transactions.values()].some((other) => other !== tx && other.written.has(key));
    if (tx) {
      const committed = env.collections.get(name)?.get(id);
      const seen = coll.get(id);
      const changedSinceSnapshot = (committed?.version ?? 0) !== (seen?.version ?? 0) && !tx.written.has(key);
      if (changedSinceSnapshot || lockedByOther) {
        // MongoDB aborts a transaction that hits a write conflict (TransientTransactionError).
        env.transactions.delete(txId!);
        throw conflict();
      }
      tx.written.add(key);
    } else if (lockedByOther) {
      throw conflict();
    }
    if (doc) {
      for (const index of this.uniqueIndexes(env, name)) {
        const clash = this.clash(coll, index, id, doc);
        if (clash) {
          if (txId) env.transactions.delete(txId);
          throw this.duplicate(name, index.name);
        }
      }
      coll.set(id, { doc, version: (coll.get(id)?.version ?? 0) + 1 });
    } else {
      coll.delete(id);
    }
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

  /** Rule 3 at commit: the transaction's documents against what others committed since its snapshot. */
  private commit(env: Environment, id: string): unknown {
    const tx = env.transactions.get(id);
    if (!tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
    env.transactions.delete(id);
    const byCollection = new Map<string, string[]>();
    for (const key of tx.written) {
      const [name, docId] = key.split('/');
      byCollection.set(name, [...(byCollection.get(name) ?? []), docId]);
    }
    for (const [name, ids] of byCollection) {
      const committed = this.collection(env.collections, name);
      const mine = new Set(ids);
      for (const docId of ids) {
        const entry = tx.collections.get(name)?.get(docId);
        if (!entry) continue;
        for (const index of this.uniqueIndexes(env, name)) {
          if (this.clash(committed, index, docId, entry.doc, mine)) throw this.duplicate(name, index.name);
        }
      }
    }
    for (const [name, ids] of byCollection) {
      const target = this.collection(env.collections, name);
      for (const docId of ids) {
        const entry = tx.collections.get(name)?.get(docId);
        if (entry) target.set(docId, entry);
        else target.delete(docId);
      }
    }
    return {};
  }

  private duplicate(collection: string, index: string): CloudbaseError {
    return new CloudbaseError(
      'DATABASE_DUPLICATE_WRITE',
      `[FailedOperation.DuplicateWrite] E11000 duplicate key error collection: ${collection} index: ${index}`,
    );
  }
}

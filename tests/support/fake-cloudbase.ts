import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IndexSpec } from '../../cloudfunctions/app/collections';

/**
 * A local stand-in for the CloudBase database endpoint, for @cloudbase/node-sdk pointed at it with
 * `serviceUrl`. It answers the SDK's `database.*` actions in the SDK's response shapes and
 * evaluates queries and updates with MongoDB's rules (which CloudBase's database follows), so a
 * whole Store contract can run over the real SDK without a network:
 * - `{f: null}` / `$eq: null` / `$in: [null]` match null and missing; `$ne: x` matches missing;
 * - range operators compare only within one type (numbers with numbers, strings with strings,
 *   strings by UTF-8 bytes); null and missing never satisfy `$gt`/`$lt`;
 * - sorting puts null/missing first, then numbers, then strings;
 * - `updated` counts documents actually changed (MongoDB's nModified);
 * - a unique index treats null and missing as a value: two documents without one collide;
 * - a transaction works on a snapshot; writing a document changed since then, or one another open
 *   transaction has written, is a conflict (MongoDB's write conflict).
 * It is a model, not CloudBase: only the real-environment suite proves the real thing.
 */

type Value = unknown;
type Document = Record<string, Value> & { _id: string };
type Collection = Map<string, { doc: Document; version: number }>;

interface TransactionState {
  collections: Map<string, Collection>;
  written: Set<string>;
}

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

export class FakeCloudbase {
  private server!: http.Server;
  private collections = new Map<string, Collection>();
  private transactions = new Map<string, TransactionState>();
  private nextId = 1;
  /** Every action received, in order. */
  readonly actions: string[] = [];

  constructor(private readonly indexes: Record<string, IndexSpec[]>) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        let answer: unknown;
        try {
          const body = JSON.parse(text) as Record<string, Value>;
          this.actions.push(String(body.action));
          answer = { requestId: `fake-${this.nextId++}`, ...(this.handle(body) as object) };
        } catch (error) {
          const e = error as CloudbaseError;
          answer = { code: e.code ?? 'SYS_ERR', message: e.message, requestId: 'fake-error' };
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/admin`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.collections = new Map();
    this.transactions = new Map();
  }

  private handle(body: Record<string, Value>): unknown {
    const action = String(body.action);
    if (action === 'database.startTransaction') {
      const id = `tx-${this.nextId++}`;
      this.transactions.set(id, { collections: this.snapshot(), written: new Set() });
      return { transactionId: id };
    }
    if (action === 'database.commitTransaction') return this.commit(String(body.transactionId));
    if (action === 'database.abortTransaction') {
      if (!this.transactions.delete(String(body.transactionId))) {
        throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
      }
      return {};
    }
    if (action === 'database.addCollection') {
      this.collection(this.collections, String(body.collectionName));
      return {};
    }
    const tx = body.transactionId ? this.transactions.get(String(body.transactionId)) : undefined;
    if (body.transactionId && !tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
    const name = String(body.collectionName);
    const space = tx ? tx.collections : this.collections;
    const coll = this.collection(space, name);
    const query = body.query ? parse(body.query) : {};
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
        list = list.slice(offset, offset + Number(body.limit ?? 100));
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
          this.write(tx, space, name, doc._id, doc);
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
          this.write(tx, space, name, doc._id, next);
          updated++;
        }
        return { data: { updated, upsert_id: null } };
      }
      case 'database.removeDocument': {
        let targets = found();
        if (!body.multi) targets = targets.slice(0, 1);
        for (const doc of targets) this.write(tx, space, name, doc._id, null);
        return { data: { deleted: targets.length } };
      }
      default:
        throw new CloudbaseError('INVALID_PARAM', `unknown action ${action}`);
    }
  }

  private collection(space: Map<string, Collection>, name: string): Collection {
    let coll = space.get(name);
    if (!coll) space.set(name, (coll = new Map()));
    return coll;
  }

  private snapshot(): Map<string, Collection> {
    return new Map([...this.collections].map(([name, coll]) => [name, new Map([...coll].map(([id, e]) => [id, { ...e }]))]));
  }

  /** Writes (or removes, with null) one document, checking unique indexes and transaction conflicts. */
  private write(tx: TransactionState | undefined, space: Map<string, Collection>, name: string, id: string, doc: Document | null) {
    const coll = this.collection(space, name);
    if (tx) {
      const committed = this.collections.get(name)?.get(id);
      const seen = coll.get(id);
      // As in MongoDB: a document changed since the snapshot, or written by another open transaction, conflicts.
      const lockedByOther = [...this.transactions.values()].some((other) => other !== tx && other.written.has(`${name}/${id}`));
      if (((committed?.version ?? 0) !== (seen?.version ?? 0) && !tx.written.has(`${name}/${id}`)) || lockedByOther) {
        throw new CloudbaseError('DATABASE_TRANSACTION_CONFLICT', 'Transaction is conflict, maybe resource operated by others');
      }
      tx.written.add(`${name}/${id}`);
    }
    if (doc) {
      for (const index of (this.indexes[name] ?? []).filter((i) => i.unique)) {
        const keyOf = (d: Document) => JSON.stringify(index.fields.map((f) => d[f] ?? null));
        const key = keyOf(doc);
        const clashes = (entries: Iterable<[string, { doc: Document }]>, skip: (otherId: string) => boolean) =>
          [...entries].some(([otherId, other]) => otherId !== id && !skip(otherId) && keyOf(other.doc) === key);
        if (clashes(coll, () => false)) throw this.duplicate(name, `${index.fields.join('_')}_1`);
        if (tx) {
          // As in MongoDB, a unique index holds across transactions, not only within one snapshot: a key
          // committed since the snapshot is a duplicate, one another open transaction wrote is a conflict.
          const mine = (otherId: string) => tx.written.has(`${name}/${otherId}`);
          if (clashes(this.collections.get(name) ?? [], mine)) throw this.duplicate(name, `${index.fields.join('_')}_1`);
          for (const other of this.transactions.values()) {
            if (other === tx) continue;
            const theirs = other.collections.get(name) ?? new Map();
            const written = [...theirs].filter(([otherId]) => other.written.has(`${name}/${otherId}`));
            if (clashes(written, () => false)) throw new CloudbaseError('DATABASE_TRANSACTION_CONFLICT', 'Transaction is conflict, maybe resource operated by others');
          }
        }
      }
      coll.set(id, { doc, version: (coll.get(id)?.version ?? 0) + 1 });
    } else {
      coll.delete(id);
    }
  }

  private commit(id: string): unknown {
    const tx = this.transactions.get(id);
    if (!tx) throw new CloudbaseError('DATABASE_TRANSACTION_FAIL', 'Transaction does not exist');
    this.transactions.delete(id);
    for (const key of tx.written) {
      const [name, docId] = key.split('/');
      const entry = tx.collections.get(name)?.get(docId);
      const target = this.collection(this.collections, name);
      if (entry) target.set(docId, entry);
      else target.delete(docId);
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

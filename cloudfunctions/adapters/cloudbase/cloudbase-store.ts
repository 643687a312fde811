import type { CloudBase } from '@cloudbase/node-sdk';
import { isCondition, matchesFilter } from '../../app/ports/filter-match';
import {
  cursorAfter,
  decodeCursor,
  DuplicateKeyError,
  TransactionConflictError,
  type Condition,
  type Doc,
  type Filter,
  type Page,
  type Patch,
  type Query,
  type Scalar,
  type Store,
  type StoreOps,
  StoreUnavailableError,
} from '../../app/ports/store';

type Db = ReturnType<CloudBase['database']>;
type Command = Db['command'];

/** The part of a CloudBase transaction this adapter uses: single-document operations only. */
interface Transaction {
  collection(name: string): {
    add(data: Record<string, unknown>): Promise<unknown>;
    doc(id: string): {
      get(): Promise<{ data?: RawDoc | null }>;
      update(data: Record<string, unknown>): Promise<{ updated?: number }>;
      remove(): Promise<{ deleted?: number }>;
    };
  };
}

type RawDoc = Record<string, unknown> & { _id: string };

/**
 * One condition of a where clause: a field with a value (equality), a query command or a
 * RegExp; or a logic command (`_.or`, `_.and`) standing on its own.
 */
type Clause = { field: string; value: unknown } | { logic: unknown };

/** The SDK sends at most 1000 documents per query, whatever `limit` asks for. */
const MAX_BATCH = 1000;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['_id', '_openid', '__proto__']);

/**
 * The store on CloudBase: one collection per collection, the port's `id` stored as `_id`.
 * Documents come out exactly as they went in: `_id` becomes `id` again and `_openid` (added by
 * CloudBase for client-side writes) is dropped.
 *
 * Indexes are not created here: `npm run setup:cloudbase` creates the ones COLLECTIONS declares.
 */
export class CloudbaseStore implements Store {
  private readonly db: Db;
  private readonly _: Command;

  /** Takes an initialised app (or its database), so the composition root owns credentials and URLs. */
  constructor(appOrDb: Pick<CloudBase, 'database'> | Db) {
    this.db = isDb(appOrDb) ? appOrDb : appOrDb.database();
    this._ = this.db.command;
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const res = checked(await reachable(this.db.collection(collection).doc(id).get())) as { data?: RawDoc[] };
    const raw = res.data?.[0];
    return raw ? fromStored<T>(raw) : null;
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    try {
      checked(await this.db.collection(collection).add(toStored(doc)));
    } catch (error) {
      throw asUnavailable(asConflict(asDuplicateKey(collection, error)));
    }
  }

  async update(collection: string, id: string, patch: Patch, expect?: Filter): Promise<boolean> {
    const data = this.updateData(patch);
    const where = this.where([{ field: '_id', value: id }, ...this.filterClauses(expect ?? {})]);
    const matching = () => this.db.collection(collection).where(where);
    if (Object.keys(data).length === 0) return (await this.countWhere(collection, where)) > 0;
    let updated: number;
    try {
      updated = (checked(await matching().update(data)) as { updated?: number }).updated ?? 0;
    } catch (error) {
      throw asUnavailable(asConflict(asDuplicateKey(collection, error)));
    }
    if (updated > 0) return true;
    // `updated` counts modified documents: a matching document the patch would not change counts 0.
    // SQLite answers true for it, so look: if it matches now and already holds the patch, it applied.
    if (!isIdempotent(patch)) return false;
    const res = checked(await reachable(matching().limit(1).get())) as { data?: RawDoc[] };
    const raw = res.data?.[0];
    return raw !== undefined && alreadyPatched(fromStored(raw), patch);
  }

  async remove(collection: string, id: string): Promise<boolean> {
    try {
      const res = checked(await this.db.collection(collection).doc(id).remove()) as { deleted?: number };
      return (res.deleted ?? 0) > 0;
    } catch (error) {
      throw asUnavailable(asConflict(error));
    }
  }

  async find<T extends Doc>(collection: string, query: Query): Promise<Page<T>> {
    const { fields, direction } = query.orderBy;
    const keys = [...fields.map((f) => this.key(f)), '_id'];
    const base = this.filterClauses(query.where ?? {});
    if (query.anyOf?.length) {
      base.push({ logic: this._.or(query.anyOf.map((alternative) => this.where(this.filterClauses(alternative)))) });
    }
    let after: Scalar[] | null = query.after ? decodeCursor(query.after, keys.length) : null;
    if (query.limit <= 0) return { items: [], nextCursor: null };

    // Fetch one more than asked to learn whether a next page exists, in batches of at most 1000.
    const wanted = query.limit + 1;
    const rows: RawDoc[] = [];
    while (rows.length < wanted) {
      const size = Math.min(MAX_BATCH, wanted - rows.length);
      const clauses = after ? [...base, this.keysetClause(keys, direction, after)] : base;
      let q = clauses.length
        ? this.db.collection(collection).where(this.where(clauses))
        : this.db.collection(collection);
      for (const key of keys) q = q.orderBy(key, direction);
      const res = checked(await reachable(q.limit(size).get())) as { data?: RawDoc[] };
      const batch = res.data ?? [];
      rows.push(...batch);
      if (batch.length < size) break;
      const last = batch[batch.length - 1];
      after = keys.map((key) => (last[key] ?? null) as Scalar);
    }

    const items = rows.slice(0, query.limit).map((raw) => fromStored<T>(raw));
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit && last ? cursorAfter(last as unknown as Record<string, unknown>, fields) : null;
    return { items, nextCursor };
  }

  async count(collection: string, where: Filter = {}): Promise<number> {
    const clauses = this.filterClauses(where);
    if (clauses.length === 0) {
      return (checked(await reachable(this.db.collection(collection).count())) as { total?: number }).total ?? 0;
    }
    return this.countWhere(collection, this.where(clauses));
  }

  /**
   * Runs `fn` in a CloudBase transaction. The SDK commits when `fn` resolves and rolls back when it
   * throws, rethrowing the very same error. Its own retry (at once, without a pause) is switched off
   * (`times` 0): a conflict surfaces as TransactionConflictError and the app's one retry policy
   * (ports/transaction-retry.ts) runs it again after a jittered pause.
   */
  async transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    const run = this.db.runTransaction as (callback: (t: Transaction) => Promise<T>, times?: number) => Promise<T>;
    try {
      return await run.call(this.db, (t: Transaction) => fn(this.transactionOps(t)), 0);
    } catch (error) {
      // A unique index is checked again at commit, against what others committed meanwhile.
      throw asUnavailable(asConflict(asDuplicateKey(collectionOf(error), error)));
    }
  }

  async close(): Promise<void> {}

  private transactionOps(t: Transaction): StoreOps {
    const getRaw = async (collection: string, id: string) =>
      (checked(await t.collection(collection).doc(id).get()) as { data?: RawDoc | null }).data ?? null;
    return {
      get: async <T extends Doc>(collection: string, id: string) => {
        const raw = await getRaw(collection, id);
        return raw ? fromStored<T>(raw) : null;
      },
      insert: async <T extends Doc>(collection: string, doc: T) => {
        try {
          checked(await t.collection(collection).add(toStored(doc)));
        } catch (error) {
          throw asDuplicateKey(collection, error);
        }
      },
      // Transactions allow no queries: read the document, check `expect` here, then write it.
      // A concurrent change to it makes the write conflict, and the retry policy runs `fn` again.
      update: async (collection: string, id: string, patch: Patch, expect?: Filter) => {
        const raw = await getRaw(collection, id);
        if (!raw) return false;
        if (expect && !matchesFilter(fromStored(raw), expect)) return false;
        const data = this.updateData(patch);
        if (Object.keys(data).length === 0) return true;
        try {
          checked(await t.collection(collection).doc(id).update(data));
        } catch (error) {
          throw asDuplicateKey(collection, error);
        }
        return true;
      },
      remove: async (collection: string, id: string) => {
        const res = checked(await t.collection(collection).doc(id).remove()) as { deleted?: number };
        return (res.deleted ?? 0) > 0;
      },
    };
  }

  private async countWhere(collection: string, where: object): Promise<number> {
    const res = checked(await reachable(this.db.collection(collection).where(where).count())) as { total?: number };
    return res.total ?? 0;
  }

  /** The port's field name as stored: `id` is CloudBase's `_id`. */
  private key(field: string): string {
    if (field === 'id') return '_id';
    if (!FIELD.test(field) || RESERVED.has(field)) throw new Error(`bad field: ${field}`);
    return field;
  }

  private filterClauses(filter: Filter): Clause[] {
    const clauses: Clause[] = [];
    for (const [field, raw] of Object.entries(filter)) {
      const key = this.key(field);
      const condition: Condition = isCondition(raw) ? raw : { $eq: raw };
      for (const [op, value] of Object.entries(condition) as Array<[keyof Condition, unknown]>) {
        clauses.push({ field: key, value: this.operatorValue(op, value) });
      }
    }
    return clauses;
  }

  private operatorValue(op: keyof Condition, value: unknown): unknown {
    const _ = this._;
    switch (op) {
      case '$eq':
        // A bare value; `null` matches null and missing fields, as IS NULL does in SQLite.
        return value;
      case '$ne':
        return _.neq(value);
      case '$gt':
        return _.gt(value);
      case '$gte':
        return _.gte(value);
      case '$lt':
        return _.lt(value);
      case '$lte':
        return _.lte(value);
      case '$in':
        return _.in(value as Scalar[]);
      case '$prefix':
        return this.db.RegExp({ regexp: `^${escapeRegExp(value as string)}` });
      case '$contains':
        // db.RegExp refuses an empty pattern; '^' matches every string, as an empty substring does.
        return this.db.RegExp({ regexp: (value as string) === '' ? '^' : escapeRegExp(value as string) });
      default:
        throw new Error(`unknown operator ${String(op)}`);
    }
  }

  /**
   * After (v1, …, vn, id) in keyset order: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … with `<` for
   * descending. Null (and missing) sorts first in both stores, so "> null" means "not null",
   * "< v" also takes nulls, and nothing is "< null".
   */
  private keysetClause(keys: string[], direction: 'asc' | 'desc', values: Scalar[]): Clause {
    const _ = this._;
    const alternatives: unknown[] = [];
    for (let i = 0; i < keys.length; i++) {
      const beyond = this.beyond(keys[i], direction, values[i]);
      if (!beyond) continue;
      const equalBefore: Clause[] = keys.slice(0, i).map((key, j) => ({ field: key, value: values[j] }));
      alternatives.push(this.where([...equalBefore, beyond]));
    }
    // Nothing can follow (only when every value is null, which an id never is): match nothing.
    if (alternatives.length === 0) return { field: '_id', value: _.in([]) };
    return { logic: alternatives.length === 1 ? alternatives[0] : _.or(alternatives) };
  }

  private beyond(key: string, direction: 'asc' | 'desc', value: Scalar): Clause | null {
    const _ = this._;
    if (direction === 'asc') return { field: key, value: value === null ? _.neq(null) : _.gt(value) };
    if (value === null) return null;
    if (key === '_id') return { field: key, value: _.lt(value) };
    return { logic: _.or([{ [key]: _.lt(value) }, { [key]: null }]) };
  }

  /** Clauses as one where object: plain fields merged while they do not clash, the rest under `_.and`. */
  private where(clauses: Clause[]): object {
    const fields = new Map<string, unknown>();
    const rest: unknown[] = [];
    for (const clause of clauses) {
      if ('logic' in clause) rest.push(clause.logic);
      else if (fields.has(clause.field)) rest.push(Object.fromEntries([[clause.field, clause.value]]));
      else fields.set(clause.field, clause.value);
    }
    const merged = Object.fromEntries(fields);
    if (rest.length === 0) return merged;
    if (fields.size === 0 && rest.length === 1) return rest[0] as object;
    return this._.and([...(fields.size ? [merged] : []), ...rest]);
  }

  /**
   * The patch as CloudBase update data: `set` values replace the field whole (objects are wrapped
   * in `_.set`, or the SDK would merge them key by key), `undefined` removes the field (as
   * JSON.stringify drops it in SQLite), `inc` uses `_.inc`, and a field both set and incremented
   * gets the sum, as SQLite applies set then inc.
   */
  private updateData(patch: Patch): Record<string, unknown> {
    const _ = this._;
    const data = new Map<string, unknown>();
    const set = patch.set ?? {};
    const inc = patch.inc ?? {};
    const has = (object: object, field: string) => Object.prototype.hasOwnProperty.call(object, field);
    for (const [field, value] of Object.entries(set)) {
      const key = this.key(field);
      if (key === '_id') throw new Error('the id of a document cannot change');
      if (has(inc, field)) continue;
      if (value === undefined) data.set(key, _.remove());
      else if (value !== null && typeof value === 'object') data.set(key, _.set(value));
      else data.set(key, value);
    }
    for (const [field, by] of Object.entries(inc)) {
      const key = this.key(field);
      if (key === '_id') throw new Error('the id of a document cannot change');
      if (has(set, field)) data.set(key, ((set[field] as number) ?? 0) + by);
      else data.set(key, _.inc(by));
    }
    return Object.fromEntries(data);
  }
}

function isDb(value: Pick<CloudBase, 'database'> | Db): value is Db {
  return typeof (value as Db).collection === 'function';
}

function toStored(doc: Doc): Record<string, unknown> {
  const { id, ...rest } = doc as Doc & Record<string, unknown>;
  return { _id: id, ...rest };
}

function fromStored<T>(raw: RawDoc): T {
  const { _id, _openid, ...rest } = raw;
  delete rest.id;
  return { id: String(_id), ...rest } as T;
}

/**
 * The SDK throws on an error answer by default; with `setThrowOnCode(false)` it returns it
 * instead. Either way an answer with a `code` is an error here.
 */
function checked<T>(res: T): T {
  const answer = res as { code?: unknown; message?: unknown } | null;
  if (answer && typeof answer === 'object' && answer.code) {
    throw Object.assign(new Error(String(answer.message ?? answer.code)), answer);
  }
  return res;
}

/**
 * CloudBase reports a duplicate `_id` or unique index value as DATABASE_DUPLICATE_WRITE; some
 * paths wrap MongoDB's own error (E11000 duplicate key) in a generic code such as -502001.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, errCode, message, errMsg } = error as Record<string, unknown>;
  if (code === 'DATABASE_DUPLICATE_WRITE' || errCode === 'DATABASE_DUPLICATE_WRITE') return true;
  if (code === 11000 || errCode === 11000) return true;
  return [message, errMsg].some((text) => typeof text === 'string' && /E11000|duplicate key/i.test(text));
}

function asDuplicateKey(collection: string, error: unknown): unknown {
  if (error instanceof DuplicateKeyError || !isDuplicateKeyError(error)) return error;
  const { message, errMsg } = error as { message?: string; errMsg?: string };
  return new DuplicateKeyError(collection, message ?? errMsg ?? 'duplicate key');
}

/**
 * A write conflict: a transaction that kept colliding after the SDK's reruns, or a plain write to a
 * document an open transaction holds (MongoDB makes it wait, then fails it). Either may simply be retried.
 */
function asConflict(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.includes('TRANSACTION_CONFLICT')) return new TransactionConflictError(String((error as Error).message));
  return error;
}

/**
 * The SDK's own failures to reach the database: its per-call timeout (`timeout` in tcb.init; ESOCKETTIMEDOUT
 * once connected, ETIMEDOUT while connecting, as request-core.js names them) or a dropped connection. The
 * database may still have acted on the call, so this is not a conflict to retry but an unknown outcome.
 */
const UNREACHABLE = new Set(['ESOCKETTIMEDOUT', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

function asUnavailable(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE.has(code)) return new StoreUnavailableError(`${code}: ${String((error as Error).message)}`);
  return error;
}

/** A read through the SDK, its failure to reach the database in the port's terms. */
async function reachable<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw asUnavailable(error);
  }
}

/** The collection a duplicate-key message names (`… collection: <name> index: …`), for errors raised at commit. */
function collectionOf(error: unknown): string {
  const text = String((error as { message?: unknown } | null)?.message ?? '');
  return /collection: (\S+)/.exec(text)?.[1] ?? 'transaction';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a patch could leave a matching document unchanged (so `updated: 0` may still mean applied). */
function isIdempotent(patch: Patch): boolean {
  return Object.values(patch.inc ?? {}).every((by) => by === 0);
}

function alreadyPatched(doc: Record<string, unknown>, patch: Patch): boolean {
  for (const [field, value] of Object.entries(patch.set ?? {})) {
    if (value === undefined ? field in doc : !deepEqual(doc[field], value)) return false;
  }
  return Object.keys(patch.inc ?? {}).every((field) => typeof doc[field] === 'number');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

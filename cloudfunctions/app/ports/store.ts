/**
 * The store port: a small document store that both SQLite (one machine) and the CloudBase database
 * (production) implement with the same behaviour, proven by one contract suite.
 */
export type Scalar = string | number | boolean | null;

export interface Condition {
  $eq?: Scalar;
  $ne?: Scalar;
  $gt?: string | number;
  $gte?: string | number;
  $lt?: string | number;
  $lte?: string | number;
  $in?: Scalar[];
  /** String starts with (e.g. a unit path: the unit and its subtree). */
  $prefix?: string;
  /** String contains, case-sensitive (name search). */
  $contains?: string;
}

/** Fields are top-level document keys; all must hold. A bare value means equality. */
export type Filter = Record<string, Scalar | Condition>;

export interface Query {
  where?: Filter;
  /** Documents matching `where` and any one of these. */
  anyOf?: Filter[];
  /** Keyset order; all keys share one direction, and `id` is the implicit tie-breaker. */
  orderBy: { fields: string[]; direction: 'asc' | 'desc' };
  /** The `nextCursor` of the previous page. */
  after?: string | null;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Doc {
  id: string;
}

export interface Patch {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
}

export interface StoreOps {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Fails with DuplicateKeyError when the id or a unique index is taken. */
  insert<T extends Doc>(collection: string, doc: T): Promise<void>;
  /**
   * Applies the patch only if the document exists and matches `expect`; answers whether it did.
   * This is the conditional atomic update that guards capacity and status changes.
   */
  update(collection: string, id: string, patch: Patch, expect?: Filter): Promise<boolean>;
  remove(collection: string, id: string): Promise<boolean>;
}

export interface Store extends StoreOps {
  find<T extends Doc>(collection: string, query: Query): Promise<Page<T>>;
  count(collection: string, where?: Filter): Promise<number>;
  /**
   * Runs `fn` atomically: its writes land together or not at all. Inside, only single-document
   * operations are available (CloudBase transactions allow no queries).
   */
  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, detail: string) {
    super(`duplicate key in ${collection}: ${detail}`);
    this.name = 'DuplicateKeyError';
  }
}

/** Cursor = the last item's order values and id, opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number): Scalar[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(values) || values.length !== expectedLength) throw new InvalidCursorError();
  return values as Scalar[];
}

/** A transaction collided with a concurrent one and was rolled back; safe to run again (see transaction-retry.ts). */
export class TransactionConflictError extends Error {
  constructor(detail: string) {
    super(`transaction conflict: ${detail}`);
    this.name = 'TransactionConflictError';
  }
}

/**
 * The store did not answer in time or dropped the connection. Whether a write landed is unknown, so
 * nothing retries it blindly: the caller is told to look and try again.
 */
export class StoreUnavailableError extends Error {
  constructor(detail: string) {
    super(`store unavailable: ${detail}`);
    this.name = 'StoreUnavailableError';
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}

export function cursorAfter(doc: Record<string, unknown>, fields: string[]): string {
  return encodeCursor([...fields.map((f) => doc[f] ?? null), doc.id]);
}

/**
 * Every document a query matches, page by page, for jobs, exports and small fixed sets (never for a
 * list a user pages through). Documents changed while iterating stay in order: paging is by keyset.
 */
export async function* eachDocument<T extends Doc>(
  store: Pick<Store, 'find'>,
  collection: string,
  query: Omit<Query, 'after' | 'limit'>,
  pageSize = 200,
): AsyncGenerator<T> {
  let after: string | null = null;
  do {
    const page: Page<T> = await store.find<T>(collection, { ...query, after, limit: pageSize });
    yield* page.items;
    after = page.nextCursor;
  } while (after);
}

export async function findAll<T extends Doc>(store: Pick<Store, 'find'>, collection: string, query: Omit<Query, 'after' | 'limit'>): Promise<T[]> {
  const all: T[] = [];
  for await (const doc of eachDocument<T>(store, collection, query)) all.push(doc);
  return all;
}

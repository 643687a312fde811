import Database from 'better-sqlite3';
import type { IndexSpec } from '../../app/collections';
import {
  cursorAfter,
  decodeCursor,
  DuplicateKeyError,
  type Doc,
  type Filter,
  type Page,
  type Patch,
  type Query,
  type Store,
  type StoreOps,
} from '../../app/ports/store';
import { columnValue, compileFilter, fieldColumn, type FieldExpr, jsonField, keysetAfter, patchedColumn, patchedDoc, quoteIdent } from './sql';

/** Transactions sharing one commit at most; bounds how long the first of them waits for its answer. */
const MAX_BATCH = 64;

interface Table {
  fields: string[];
  expr: FieldExpr;
  getSql: string;
  insertSql: string;
  removeSql: string;
}

interface Batch {
  size: number;
  committed: Promise<void>;
  settle(error?: unknown): void;
}

function openBatch(): Batch {
  let settle!: (error?: unknown) => void;
  const committed = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // Members await it after their own work; this keeps a failed commit from counting as unhandled meanwhile.
  committed.catch(() => undefined);
  return { size: 0, committed, settle };
}

/** Prepared statements of one connection by SQL text: preparing is a large share of a small query's cost. */
class Statements {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      if (this.cache.size >= 500) this.cache.clear();
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}

/**
 * The store on one machine: one table per collection holding JSON documents, with indexes on the
 * fields that queries filter and order by.
 *
 * Two connections to one WAL file. The writer runs transactions; better-sqlite3 is synchronous, but a
 * transaction's callback is async (it awaits store calls), so a small queue keeps every other caller
 * out while one is open. The reader answers reads outside transactions: WAL gives each of its
 * statements the last committed snapshot, so it never sees writes that may still roll back.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly reader: Database.Database;
  private readonly writes: Statements;
  private readonly reads: Statements;
  private busy = false;
  private readonly waiting: Array<() => void> = [];
  private batch: Batch | null = null;
  private commitScheduled = false;

  constructor(file: string, collections: Record<string, IndexSpec[]>) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Savepoints keep the pages they change in a sub-journal; in memory, not a temp file written on every first change.
    this.db.pragma('temp_store = MEMORY');
    // Checkpoints copy each changed page once per interval: a longer one copies a page rewritten by many batches once.
    this.db.pragma('wal_autocheckpoint = 8000');
    for (const [name, indexes] of Object.entries(collections)) this.createCollection(name, indexes);
    this.writes = new Statements(this.db);
    this.reader = new Database(file, { readonly: true });
    this.reader.pragma('busy_timeout = 5000');
    this.reads = new Statements(this.reader);
  }

  /** Each collection's indexed fields, how its queries name a field, and its fixed statements' SQL (built once: hashing a new string per call adds up). */
  private readonly tables = new Map<string, Table>();

  private table(collection: string): Table {
    const table = this.tables.get(collection);
    if (!table) throw new Error(`collection ${collection} is not declared`);
    return table;
  }

  /**
   * One table per collection: the document as JSON, and each indexed field copied into a column of
   * its own. An update then rewrites only the indexes of fields its patch names (taking a seat touches
   * no index of the event), where indexes over the JSON would all be rewritten on every update.
   * Brings files written by an earlier version up to date: adds missing columns, filled from the
   * documents, and replaces indexes that differ from the declaration.
   */
  private createCollection(name: string, indexes: IndexSpec[]): void {
    const table = quoteIdent(name);
    const fields = [...new Set(indexes.flatMap((index) => index.fields))];
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL${fields.map((f) => `, ${fieldColumn(f)}`).join('')})`);
    const columns = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => quoteIdent(c.name)));
    for (const field of fields.filter((f) => !columns.has(fieldColumn(f)))) {
      this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${fieldColumn(field)}`);
      this.db.exec(`UPDATE ${table} SET ${fieldColumn(field)} = ${jsonField(field)}`);
    }
    const wanted = new Map(
      indexes.map((index) => {
        const indexName = `${name}__${index.fields.join('_')}`;
        const sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(indexName)} ON ${table} (${index.fields.map(fieldColumn).join(', ')})`;
        return [indexName, sql] as const;
      }),
    );
    const present = this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(name) as Array<{ name: string; sql: string }>;
    for (const index of present) {
      if (wanted.get(index.name) === index.sql) wanted.delete(index.name);
      else this.db.exec(`DROP INDEX ${quoteIdent(index.name)}`);
    }
    for (const sql of wanted.values()) this.db.exec(sql);
    const indexed = new Set(fields);
    this.tables.set(name, {
      fields,
      expr: (field) => (indexed.has(field) ? fieldColumn(field) : jsonField(field)),
      getSql: `SELECT doc FROM ${table} WHERE id = ?`,
      insertSql: `INSERT INTO ${table} (id, doc${fields.map((f) => `, ${fieldColumn(f)}`).join('')}) VALUES (?, ?${', ?'.repeat(fields.length)})`,
      removeSql: `DELETE FROM ${table} WHERE id = ?`,
    });
  }

  private ops: StoreOps = {
    get: async <T extends Doc>(collection: string, id: string) => this.getSync<T>(this.writes, collection, id),
    insert: async <T extends Doc>(collection: string, doc: T) => this.insertSync(collection, doc),
    update: async (collection: string, id: string, patch: Patch, expect?: Filter) =>
      this.updateSync(collection, id, patch, expect),
    remove: async (collection: string, id: string) => this.removeSync(collection, id),
  };

  private removeSync(collection: string, id: string): boolean {
    return this.writes.get(this.table(collection).removeSql).run(id).changes > 0;
  }

  private getSync<T extends Doc>(on: Statements, collection: string, id: string): T | null {
    const row = on.get(this.table(collection).getSql).get(id) as
      | { doc: string }
      | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  /** Runs a write and answers how many rows it changed; a unique index refusing it is the port's DuplicateKeyError. */
  private write(collection: string, sql: string, params: unknown[]): number {
    try {
      return this.writes.get(sql).run(...params).changes;
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DuplicateKeyError(collection, (error as Error).message);
      }
      throw error;
    }
  }

  private insertSync(collection: string, doc: Doc): void {
    const { fields, insertSql } = this.table(collection);
    const values = fields.map((f) => columnValue(doc as unknown as Record<string, unknown>, f));
    this.write(collection, insertSql, [doc.id, JSON.stringify(doc), ...values]);
  }

  /** One statement: the document is patched in SQL, and written only where `expect` still holds. */
  private updateSync(collection: string, id: string, patch: Patch, expect?: Filter): boolean {
    const { fields, expr } = this.table(collection);
    const where = compileFilter(expect ?? {}, expr);
    const doc = patchedDoc(patch);
    // Only the indexes of fields the patch names are rewritten.
    const columns = fields.flatMap((f) => {
      const column = patchedColumn(patch, f);
      return column ? [{ sql: `, ${fieldColumn(f)} = ${column.sql}`, params: column.params }] : [];
    });
    const changes = this.write(
      collection,
      `UPDATE ${quoteIdent(collection)} SET doc = ${doc.sql}${columns.map((c) => c.sql).join('')} WHERE id = ?${where.sql ? ` AND ${where.sql}` : ''}`,
      [...doc.params, ...columns.flatMap((c) => c.params), id, ...where.params],
    );
    return changes === 1;
  }

  /** Runs `work` when nothing else runs; queues it otherwise. */
  private async exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    try {
      return await work();
    } finally {
      if (this.batch) {
        if (this.batch.size >= MAX_BATCH) this.commitBatch();
        else this.scheduleCommit();
      }
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    }
  }

  /**
   * Commits once the requests that arrived together have had their turn: after the event loop's
   * current round of I/O, so that transactions of other requests read in that round join the batch.
   */
  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      void this.exclusive(() => this.commitBatch());
    });
  }

  private commitBatch(): void {
    const batch = this.batch;
    if (!batch) return;
    try {
      this.writes.get('COMMIT').run();
      this.batch = null;
      batch.settle();
    } catch (error) {
      this.failBatch(error);
    }
  }

  /** The open batch, begun when there is none (the caller holds the writer). */
  private joinBatch(): Batch {
    if (!this.batch) {
      this.writes.get('BEGIN IMMEDIATE').run();
      this.batch = openBatch();
    }
    return this.batch;
  }

  /** SQLite rolled the whole transaction back itself (a full disk, an I/O error): the batch is lost. */
  private failBatchIfLost(error: unknown): void {
    if (!this.db.inTransaction) this.failBatch(error);
  }

  /** Every transaction of the open batch is told its writes are lost. */
  private failBatch(error: unknown): void {
    const batch = this.batch;
    this.batch = null;
    if (this.db.inTransaction) this.writes.get('ROLLBACK').run();
    batch?.settle(error);
  }

  /**
   * Reads outside a transaction: on the reader, once the batch open at the time of asking has settled,
   * so a read sees every write answered before it (and a re-read after a transaction refused on a
   * stale value sees what refused it) but never one that may still roll back.
   */
  private async committed<T>(read: () => T): Promise<T> {
    const open = this.batch;
    if (open) await open.committed.catch(() => undefined);
    return read();
  }

  get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.committed(() => this.getSync<T>(this.reads, collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.single(() => this.insertSync(collection, doc));
  }

  update(collection: string, id: string, patch: Patch, expect?: Filter): Promise<boolean> {
    return this.single(() => this.updateSync(collection, id, patch, expect));
  }

  remove(collection: string, id: string): Promise<boolean> {
    return this.single(() => this.removeSync(collection, id));
  }

  /**
   * A write outside a transaction joins the batch like a transaction does, but needs no savepoint: one
   * SQLite statement is atomic by itself (a failing one undoes its own changes and leaves the batch as it was).
   */
  private async single<T>(write: () => T): Promise<T> {
    let joined: Batch | undefined;
    const result = await this.exclusive(() => {
      joined = this.joinBatch();
      try {
        const value = write();
        joined.size++;
        return value;
      } catch (error) {
        this.failBatchIfLost(error);
        throw error;
      }
    });
    await joined?.committed;
    return result;
  }

  find<T extends Doc>(collection: string, query: Query): Promise<Page<T>> {
    return this.committed(() => {
      const { fields, direction } = query.orderBy;
      const clauses: string[] = [];
      const params: unknown[] = [];
      const { expr } = this.table(collection);
      const where = compileFilter(query.where ?? {}, expr);
      if (where.sql) {
        clauses.push(where.sql);
        params.push(...where.params);
      }
      if (query.anyOf?.length) {
        const alternatives = query.anyOf.map((filter) => compileFilter(filter, expr));
        clauses.push(`(${alternatives.map((a) => `(${a.sql || '1'})`).join(' OR ')})`);
        for (const a of alternatives) params.push(...a.params);
      }
      const keys = [...fields.map(expr), 'id'];
      if (query.after) {
        const after = keysetAfter(keys, decodeCursor(query.after, keys.length), direction);
        clauses.push(after.sql);
        params.push(...after.params);
      }
      const sql =
        `SELECT doc FROM ${quoteIdent(collection)}` +
        (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
        ` ORDER BY ${keys.map((k) => `${k} ${direction.toUpperCase()}`).join(', ')} LIMIT ?`;
      const rows = this.reads.get(sql).all(...params, query.limit + 1) as Array<{ doc: string }>;
      const docs = rows.slice(0, query.limit).map((r) => JSON.parse(r.doc) as T);
      const last = docs[docs.length - 1];
      const nextCursor =
        rows.length > query.limit && last ? cursorAfter(last as unknown as Record<string, unknown>, fields) : null;
      return { items: docs, nextCursor };
    });
  }

  count(collection: string, where: Filter = {}): Promise<number> {
    return this.committed(() => {
      const compiled = compileFilter(where, this.table(collection).expr);
      const row = this.reads.get(`SELECT COUNT(*) AS n FROM ${quoteIdent(collection)}${compiled.sql ? ` WHERE ${compiled.sql}` : ''}`)
        .get(...compiled.params) as { n: number };
      return row.n;
    });
  }

  /**
   * Group commit: while others wait to write, transactions share one SQLite transaction, each inside
   * a savepoint of its own, so a failing one rolls back only its own writes. Each caller is answered
   * once the commit that carries its writes has landed. Under a rush this writes each changed page
   * once per batch instead of once per transaction, which is where a commit's time goes.
   * Inside a transaction, reads see the batch so far: those writes commit together with its own or not at all.
   */
  async transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    let joined: Batch | undefined;
    const result = await this.exclusive(async () => {
      joined = this.joinBatch();
      this.writes.get('SAVEPOINT tx').run();
      try {
        const value = await fn(this.ops);
        this.writes.get('RELEASE tx').run();
        joined.size++;
        return value;
      } catch (error) {
        if (this.db.inTransaction) {
          this.writes.get('ROLLBACK TO tx').run();
          this.writes.get('RELEASE tx').run();
        } else {
          this.failBatchIfLost(error);
        }
        throw error;
      }
    });
    await joined?.committed;
    return result;
  }

  async close(): Promise<void> {
    await this.exclusive(() => {
      this.commitBatch();
      this.reader.close();
      this.db.close();
    });
  }
}

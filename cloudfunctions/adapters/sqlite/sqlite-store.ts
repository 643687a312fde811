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
import { applyPatch, compileFilter, fieldExpr, keysetAfter, quoteIdent } from './sql';

/**
 * The store on one machine: one table per collection holding JSON documents, with expression
 * indexes on the fields that queries filter and order by.
 *
 * better-sqlite3 is synchronous, but a transaction's callback is async (it awaits store calls),
 * so a small queue keeps every other caller out while a transaction is open.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  constructor(file: string, collections: Record<string, IndexSpec[]>) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    for (const [name, indexes] of Object.entries(collections)) this.createCollection(name, indexes);
  }

  /** Prepared statements by SQL text: preparing is a large share of a small query's cost. */
  private readonly statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private createCollection(name: string, indexes: IndexSpec[]): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    for (const index of indexes) {
      const indexName = quoteIdent(`${name}__${index.fields.join('_')}`);
      const exprs = index.fields.map(fieldExpr).join(', ');
      this.db.exec(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName} ON ${quoteIdent(name)} (${exprs})`,
      );
    }
  }

  private ops: StoreOps = {
    get: async <T extends Doc>(collection: string, id: string) => this.getSync<T>(collection, id),
    insert: async <T extends Doc>(collection: string, doc: T) => this.insertSync(collection, doc),
    update: async (collection: string, id: string, patch: Patch, expect?: Filter) =>
      this.updateSync(collection, id, patch, expect),
    remove: async (collection: string, id: string) =>
      this.statement(`DELETE FROM ${quoteIdent(collection)} WHERE id = ?`).run(id).changes > 0,
  };

  private getSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.statement(`SELECT doc FROM ${quoteIdent(collection)} WHERE id = ?`).get(id) as
      | { doc: string }
      | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private insertSync(collection: string, doc: Doc): void {
    try {
      this.statement(`INSERT INTO ${quoteIdent(collection)} (id, doc) VALUES (?, ?)`).run(doc.id, JSON.stringify(doc));
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DuplicateKeyError(collection, (error as Error).message);
      }
      throw error;
    }
  }

  private updateSync(collection: string, id: string, patch: Patch, expect?: Filter): boolean {
    const where = compileFilter(expect ?? {});
    const row = this.statement(`SELECT doc FROM ${quoteIdent(collection)} WHERE id = ?${where.sql ? ` AND ${where.sql}` : ''}`)
      .get(id, ...where.params) as { doc: string } | undefined;
    if (!row) return false;
    const next = applyPatch(JSON.parse(row.doc) as Record<string, unknown>, patch);
    try {
      this.statement(`UPDATE ${quoteIdent(collection)} SET doc = ? WHERE id = ?`).run(JSON.stringify(next), id);
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DuplicateKeyError(collection, (error as Error).message);
      }
      throw error;
    }
    return true;
  }

  /** Runs `work` when no transaction is open; queues it otherwise. */
  private async exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    }
  }

  get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.exclusive(() => this.getSync<T>(collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.exclusive(() => this.insertSync(collection, doc));
  }

  update(collection: string, id: string, patch: Patch, expect?: Filter): Promise<boolean> {
    return this.exclusive(() => this.updateSync(collection, id, patch, expect));
  }

  remove(collection: string, id: string): Promise<boolean> {
    return this.exclusive(() => this.ops.remove(collection, id));
  }

  find<T extends Doc>(collection: string, query: Query): Promise<Page<T>> {
    return this.exclusive(() => {
      const { fields, direction } = query.orderBy;
      const clauses: string[] = [];
      const params: unknown[] = [];
      const where = compileFilter(query.where ?? {});
      if (where.sql) {
        clauses.push(where.sql);
        params.push(...where.params);
      }
      if (query.anyOf?.length) {
        const alternatives = query.anyOf.map(compileFilter);
        clauses.push(`(${alternatives.map((a) => `(${a.sql || '1'})`).join(' OR ')})`);
        for (const a of alternatives) params.push(...a.params);
      }
      const keys = [...fields.map(fieldExpr), 'id'];
      if (query.after) {
        const after = keysetAfter(keys, decodeCursor(query.after, keys.length), direction);
        clauses.push(after.sql);
        params.push(...after.params);
      }
      const sql =
        `SELECT doc FROM ${quoteIdent(collection)}` +
        (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
        ` ORDER BY ${keys.map((k) => `${k} ${direction.toUpperCase()}`).join(', ')} LIMIT ?`;
      const rows = this.statement(sql).all(...params, query.limit + 1) as Array<{ doc: string }>;
      const docs = rows.slice(0, query.limit).map((r) => JSON.parse(r.doc) as T);
      const last = docs[docs.length - 1];
      const nextCursor =
        rows.length > query.limit && last ? cursorAfter(last as unknown as Record<string, unknown>, fields) : null;
      return { items: docs, nextCursor };
    });
  }

  count(collection: string, where: Filter = {}): Promise<number> {
    return this.exclusive(() => {
      const compiled = compileFilter(where);
      const row = this.statement(`SELECT COUNT(*) AS n FROM ${quoteIdent(collection)}${compiled.sql ? ` WHERE ${compiled.sql}` : ''}`)
        .get(...compiled.params) as { n: number };
      return row.n;
    });
  }

  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.statement('BEGIN IMMEDIATE').run();
      try {
        const result = await fn(this.ops);
        this.statement('COMMIT').run();
        return result;
      } catch (error) {
        this.statement('ROLLBACK').run();
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.db.close());
  }
}

import { AppError } from '../../../shared/errors';
import type { DatabaseAdmin } from '../ports/database-admin';
import type { Doc, Filter, Page, Patch, Query, Store, StoreOps } from '../ports/store';
import { shortfalls } from './database-plan';
import type { IndexSpec } from './index-spec';

/**
 * The store, refusing writes whose correctness rests on a unique index the environment lacks: an
 * insert into such a collection, or an update that sets one of the index's fields. Without the index
 * two concurrent writers could both succeed (two accounts with one code, two check-in codes alike),
 * so the write is refused (UNIQUE_INDEX_MISSING) rather than risked; reads and other writes go on.
 *
 * The environment is asked once, at the first such write after a cold start, and the answer kept for
 * the life of the instance; a failed lookup is not kept, so the next write asks again.
 */
export class UniqueIndexGuard implements Store {
  private missing: Promise<Map<string, IndexSpec[]>> | null = null;
  private readonly unique: Record<string, IndexSpec[]>;

  constructor(
    private readonly inner: Store,
    collections: Record<string, IndexSpec[]>,
    private readonly admin: DatabaseAdmin,
  ) {
    this.unique = Object.fromEntries(
      Object.entries(collections)
        .map(([name, indexes]) => [name, indexes.filter((index) => index.unique)] as const)
        .filter(([, indexes]) => indexes.length > 0),
    );
  }

  get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.inner.get<T>(collection, id);
  }

  find<T extends Doc>(collection: string, query: Query): Promise<Page<T>> {
    return this.inner.find<T>(collection, query);
  }

  count(collection: string, where?: Filter): Promise<number> {
    return this.inner.count(collection, where);
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    await this.require(collection, null);
    return this.inner.insert(collection, doc);
  }

  async update(collection: string, id: string, patch: Patch, expect?: Filter): Promise<boolean> {
    await this.require(collection, patchedFields(patch));
    return this.inner.update(collection, id, patch, expect);
  }

  remove(collection: string, id: string): Promise<boolean> {
    return this.inner.remove(collection, id);
  }

  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) =>
      fn({
        get: (collection, id) => tx.get(collection, id),
        insert: async (collection, doc) => {
          await this.require(collection, null);
          return tx.insert(collection, doc);
        },
        update: async (collection, id, patch, expect) => {
          await this.require(collection, patchedFields(patch));
          return tx.update(collection, id, patch, expect);
        },
        remove: (collection, id) => tx.remove(collection, id),
      }),
    );
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Refuses the write if a unique index of `collection` it depends on is missing (`fields` null: an insert, which depends on all). */
  private async require(collection: string, fields: string[] | null): Promise<void> {
    const indexes = this.unique[collection];
    if (!indexes || (fields && !indexes.some((index) => index.fields.some((f) => fields.includes(f))))) return;
    this.missing ??= this.lookup().catch((error: unknown) => {
      this.missing = null;
      throw error;
    });
    const absent = ((await this.missing).get(collection) ?? []).filter((index) => !fields || index.fields.some((f) => fields.includes(f)));
    if (absent.length > 0) {
      const names = absent.map((index) => `${collection}(${index.fields.join(', ')})`).join('、');
      throw new AppError('UNIQUE_INDEX_MISSING', `数据库缺少唯一索引 ${names}，为防止重复数据，此项操作暂停；请管理员运行 npm run setup:cloudbase 补建索引`);
    }
  }

  private async lookup(): Promise<Map<string, IndexSpec[]>> {
    const missing = new Map<string, IndexSpec[]>();
    for (const { collection, index } of await shortfalls(this.admin, this.unique, (i) => Boolean(i.unique))) {
      const lacking = index ? this.unique[collection].filter((spec) => spec.fields.join(',') === index.fields.join(',')) : this.unique[collection];
      missing.set(collection, [...(missing.get(collection) ?? []), ...lacking]);
    }
    return missing;
  }
}

function patchedFields(patch: Patch): string[] {
  return [...Object.keys(patch.set ?? {}), ...Object.keys(patch.inc ?? {})];
}

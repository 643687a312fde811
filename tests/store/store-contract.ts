import { AppError } from '../../shared/errors';
import { DuplicateKeyError, InvalidCursorError, TransactionConflictError, type Doc, type Filter, type Query, type Store } from '../../cloudfunctions/app/ports/store';
import { ITEMS, LOGS } from './contract-collections';

/**
 * The behaviour every Store adapter must show, written once and run against each adapter
 * (SQLite on a temp file; CloudBase, for real when credentials are set). `makeStore` gives a
 * store whose contract collections are empty; `cleanup` runs after each test.
 */
export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

interface Item extends Doc {
  code: string | null;
  group: string;
  rank?: number | null;
  name: string;
  version: number;
  flag?: boolean;
  meta?: Record<string, unknown>;
  tags?: string[];
  hits?: number;
}

function item(id: string, fields: Partial<Item> = {}): Item {
  return { id, code: `code-${id}`, group: 'g', rank: 0, name: `name ${id}`, version: 1, ...fields };
}

export function describeStoreContract(name: string, makeStore: StoreFactory, options: { skip?: boolean } = {}): void {
  (options.skip ? describe.skip : describe)(`${name} keeps the store contract`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    async function insertAll(docs: Item[], collection = ITEMS): Promise<void> {
      for (const doc of docs) await store.insert(collection, doc);
    }

    async function ids(query: Partial<Query>): Promise<string[]> {
      const page = await store.find<Item>(ITEMS, { orderBy: { fields: [], direction: 'asc' }, limit: 100, ...query });
      expect(page.nextCursor).toBeNull();
      return page.items.map((d) => d.id);
    }

    /** Follows nextCursor to the end; answers the ids of each page. */
    async function pages(query: Omit<Query, 'after'>): Promise<string[][]> {
      const result: string[][] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const page: { items: Item[]; nextCursor: string | null } = await store.find<Item>(ITEMS, { ...query, after });
        result.push(page.items.map((d) => d.id));
        if (!page.nextCursor) return result;
        after = page.nextCursor;
      }
      throw new Error('paging did not end');
    }

    describe('reading and writing single documents', () => {
      test('get answers null for an id that was never inserted', async () => {
        expect(await store.get(ITEMS, 'nobody')).toBeNull();
      });

      test('a document comes back exactly as it was inserted, with nothing added', async () => {
        const doc = {
          id: 'round-trip',
          code: 'RT-1',
          group: 'g',
          rank: -2.5,
          name: '青年文明号 ✓ 🚀',
          version: 2 ** 40,
          flag: false,
          empty: '',
          nothing: null,
          meta: { nested: { deep: [1, 'two', null, { three: true }] }, when: '2018-11-20T02:00:00.000Z' },
          tags: ['a', 'b'],
        };
        await store.insert(ITEMS, doc);
        expect(await store.get(ITEMS, 'round-trip')).toStrictEqual(doc);
      });

      test('inserting a second document with a taken id fails with DuplicateKeyError and keeps the first', async () => {
        await store.insert(ITEMS, item('same', { name: 'first' }));
        const error = await store.insert(ITEMS, item('same', { code: 'other', name: 'second' })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect((error as DuplicateKeyError).collection).toBe(ITEMS);
        expect((await store.get<Item>(ITEMS, 'same'))?.name).toBe('first');
      });

      test('inserting a value a unique index already holds fails with DuplicateKeyError and writes nothing', async () => {
        await store.insert(ITEMS, item('first', { code: 'TAKEN' }));
        await expect(store.insert(ITEMS, item('second', { code: 'TAKEN' }))).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await store.get(ITEMS, 'second')).toBeNull();
      });

      test('the same id may be used in two different collections', async () => {
        await store.insert(ITEMS, item('shared'));
        await store.insert(LOGS, { id: 'shared', text: 'log' });
        expect(await store.get(LOGS, 'shared')).toEqual({ id: 'shared', text: 'log' });
      });

      test('remove deletes the document and answers true, and answers false when there was none', async () => {
        await store.insert(ITEMS, item('gone'));
        expect(await store.remove(ITEMS, 'gone')).toBe(true);
        expect(await store.get(ITEMS, 'gone')).toBeNull();
        expect(await store.remove(ITEMS, 'gone')).toBe(false);
      });
    });

    describe('updating a document', () => {
      test('set replaces the named fields, leaves the others alone and answers true', async () => {
        await store.insert(ITEMS, item('u', { name: 'before', rank: 3 }));
        expect(await store.update(ITEMS, 'u', { set: { name: 'after', code: null } })).toBe(true);
        expect(await store.get(ITEMS, 'u')).toStrictEqual({ ...item('u', { rank: 3 }), name: 'after', code: null });
      });

      test('inc adds to a number, and a missing field counts from zero', async () => {
        await store.insert(ITEMS, item('u', { version: 4 }));
        expect(await store.update(ITEMS, 'u', { set: { name: 'x' }, inc: { version: 1, hits: 2 } })).toBe(true);
        const doc = await store.get<Item>(ITEMS, 'u');
        expect(doc?.version).toBe(5);
        expect(doc?.hits).toBe(2);
        expect(doc?.name).toBe('x');
      });

      test('set replaces a nested object whole instead of merging into it', async () => {
        await store.insert(ITEMS, item('u', { meta: { a: 1, b: 2 } }));
        await store.update(ITEMS, 'u', { set: { meta: { a: 3 } } });
        expect((await store.get<Item>(ITEMS, 'u'))?.meta).toStrictEqual({ a: 3 });
      });

      test('update of a missing document answers false and creates nothing', async () => {
        expect(await store.update(ITEMS, 'nobody', { set: { name: 'x' }, inc: { version: 1 } })).toBe(false);
        expect(await store.get(ITEMS, 'nobody')).toBeNull();
      });

      test('with expect, the patch applies only while every expected field still matches', async () => {
        await store.insert(ITEMS, item('u', { version: 1 }));
        expect(await store.update(ITEMS, 'u', { set: { name: 'first' }, inc: { version: 1 } }, { version: 1 })).toBe(true);
        expect(await store.update(ITEMS, 'u', { set: { name: 'stale' }, inc: { version: 1 } }, { version: 1 })).toBe(false);
        expect(await store.get(ITEMS, 'u')).toStrictEqual({ ...item('u'), name: 'first', version: 2 });
      });

      test('expect may use operators and several fields', async () => {
        await store.insert(ITEMS, item('u', { version: 3, group: 'x' }));
        expect(await store.update(ITEMS, 'u', { set: { name: 'no' } }, { version: { $gte: 4 }, group: 'x' })).toBe(false);
        expect(await store.update(ITEMS, 'u', { set: { name: 'yes' } }, { version: { $gte: 3 }, group: { $in: ['x', 'y'] } })).toBe(
          true,
        );
        expect((await store.get<Item>(ITEMS, 'u'))?.name).toBe('yes');
      });

      test('expecting null matches a field that is null or missing, and nothing else', async () => {
        await store.insert(ITEMS, item('null-code', { code: null }));
        await store.insert(ITEMS, { id: 'no-rank', code: 'NR', group: 'g', name: 'n', version: 1 });
        await store.insert(ITEMS, item('has-code', { code: 'HC' }));
        expect(await store.update(ITEMS, 'null-code', { set: { name: 'a' } }, { code: null })).toBe(true);
        expect(await store.update(ITEMS, 'no-rank', { set: { name: 'b' } }, { rank: { $eq: null } })).toBe(true);
        expect(await store.update(ITEMS, 'has-code', { set: { name: 'c' } }, { code: null })).toBe(false);
        expect((await store.get<Item>(ITEMS, 'has-code'))?.name).toBe('name has-code');
      });

      test('an update that changes nothing still answers true when the document matches', async () => {
        await store.insert(ITEMS, item('u', { name: 'same' }));
        expect(await store.update(ITEMS, 'u', { set: { name: 'same' } }, { version: 1 })).toBe(true);
      });

      test('an update that would take a unique value in use fails with DuplicateKeyError and changes nothing', async () => {
        await store.insert(ITEMS, item('a', { code: 'A' }));
        await store.insert(ITEMS, item('b', { code: 'B' }));
        await expect(store.update(ITEMS, 'b', { set: { code: 'A', name: 'moved' } })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await store.get(ITEMS, 'b')).toStrictEqual(item('b', { code: 'B' }));
      });

      test('of two concurrent updates expecting the same version, exactly one applies', async () => {
        await store.insert(ITEMS, item('race', { version: 1 }));
        const results = await Promise.all(
          ['left', 'right'].map((who) => store.update(ITEMS, 'race', { set: { name: who }, inc: { version: 1 } }, { version: 1 })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.get<Item>(ITEMS, 'race'))?.version).toBe(2);
      });
    });

    describe('filters', () => {
      beforeEach(async () => {
        await insertAll([
          item('p1', { code: 'A-1', group: 'x', rank: 1, name: 'Alpha one', flag: true }),
          item('p2', { code: 'A-2', group: 'x', rank: 2, name: 'alpha two', flag: false }),
          item('p3', { code: 'B-1', group: 'y', rank: 3, name: 'Beta (1)', flag: true }),
          item('p4', { code: null, group: 'y', rank: null, name: 'gamma.*' }),
          { id: 'p5', code: 'a.b', group: 'z', name: 'delta+', version: 1, flag: false },
          item('p6', { code: 'axb', group: 'z', rank: 6, name: 'Epsilon' }),
        ]);
      });

      test('a bare value or $eq matches equal values only, booleans included', async () => {
        expect(await ids({ where: { group: 'x' } })).toEqual(['p1', 'p2']);
        expect(await ids({ where: { rank: { $eq: 2 } } })).toEqual(['p2']);
        expect(await ids({ where: { flag: true } })).toEqual(['p1', 'p3']);
        expect(await ids({ where: { flag: false } })).toEqual(['p2', 'p5']);
        expect(await ids({ where: { group: 'x', rank: 2 } })).toEqual(['p2']);
      });

      test('a bare null or $eq null matches fields that are null or missing', async () => {
        expect(await ids({ where: { code: null } })).toEqual(['p4']);
        expect(await ids({ where: { rank: null } })).toEqual(['p4', 'p5']);
        expect(await ids({ where: { rank: { $eq: null } } })).toEqual(['p4', 'p5']);
      });

      test('$ne matches every other value, null and missing included; $ne null matches present values', async () => {
        expect(await ids({ where: { group: { $ne: 'x' } } })).toEqual(['p3', 'p4', 'p5', 'p6']);
        expect(await ids({ where: { rank: { $ne: 1 } } })).toEqual(['p2', 'p3', 'p4', 'p5', 'p6']);
        expect(await ids({ where: { rank: { $ne: null } } })).toEqual(['p1', 'p2', 'p3', 'p6']);
      });

      test('$gt, $gte, $lt and $lte compare numbers and strings, and never match null or missing', async () => {
        expect(await ids({ where: { rank: { $gt: 2 } } })).toEqual(['p3', 'p6']);
        expect(await ids({ where: { rank: { $gte: 2 } } })).toEqual(['p2', 'p3', 'p6']);
        expect(await ids({ where: { rank: { $lt: 3 } } })).toEqual(['p1', 'p2']);
        expect(await ids({ where: { rank: { $lte: 1 } } })).toEqual(['p1']);
        expect(await ids({ where: { code: { $gte: 'A-2', $lt: 'B-2' } } })).toEqual(['p2', 'p3']);
      });

      test('several operators on one field must all hold', async () => {
        expect(await ids({ where: { rank: { $gte: 2, $lte: 3, $ne: 3 } } })).toEqual(['p2']);
      });

      test('$in matches any listed value, and an empty list matches nothing', async () => {
        expect(await ids({ where: { group: { $in: ['x', 'z'] } } })).toEqual(['p1', 'p2', 'p5', 'p6']);
        expect(await ids({ where: { rank: { $in: [1, 3] } } })).toEqual(['p1', 'p3']);
        expect(await ids({ where: { group: { $in: [] } } })).toEqual([]);
      });

      test('$in with null among its values matches fields that are null or missing, like $eq null', async () => {
        expect(await ids({ where: { rank: { $in: [null, 1] } } })).toEqual(['p1', 'p4', 'p5']);
      });

      test('$prefix matches strings starting with the prefix, taking regex characters literally', async () => {
        expect(await ids({ where: { code: { $prefix: 'A-' } } })).toEqual(['p1', 'p2']);
        expect(await ids({ where: { code: { $prefix: 'a.' } } })).toEqual(['p5']);
        expect(await ids({ where: { code: { $prefix: 'a' } } })).toEqual(['p5', 'p6']);
        expect(await ids({ where: { code: { $prefix: '-1' } } })).toEqual([]);
      });

      test('$contains matches a case-sensitive substring, taking regex characters literally', async () => {
        expect(await ids({ where: { name: { $contains: 'lpha' } } })).toEqual(['p1', 'p2']);
        expect(await ids({ where: { name: { $contains: 'Alpha' } } })).toEqual(['p1']);
        expect(await ids({ where: { name: { $contains: '.*' } } })).toEqual(['p4']);
        expect(await ids({ where: { name: { $contains: '(1)' } } })).toEqual(['p3']);
        expect(await ids({ where: { name: { $contains: '+' } } })).toEqual(['p5']);
      });

      test('id can be filtered on like any field', async () => {
        expect(await ids({ where: { id: 'p3' } })).toEqual(['p3']);
        expect(await ids({ where: { id: { $in: ['p5', 'p1', 'nobody'] } } })).toEqual(['p1', 'p5']);
        expect(await ids({ where: { id: { $ne: 'p1' }, group: 'x' } })).toEqual(['p2']);
      });

      test('anyOf keeps the documents matching where and at least one alternative', async () => {
        const anyOf: Filter[] = [{ code: { $prefix: 'A-' } }, { name: { $contains: 'Beta' } }, { group: 'z' }];
        expect(await ids({ where: { group: { $ne: 'z' } }, anyOf })).toEqual(['p1', 'p2', 'p3']);
        expect(await ids({ anyOf: [{ rank: 1 }, { rank: null }] })).toEqual(['p1', 'p4', 'p5']);
      });

      test('an empty anyOf does not restrict the result', async () => {
        expect(await ids({ where: { group: 'x' }, anyOf: [] })).toEqual(['p1', 'p2']);
      });

      test('count counts every document, or those matching the filter', async () => {
        expect(await store.count(ITEMS)).toBe(6);
        expect(await store.count(ITEMS, { group: 'x' })).toBe(2);
        expect(await store.count(ITEMS, { rank: null })).toBe(2);
        expect(await store.count(ITEMS, { name: { $contains: 'a' }, rank: { $gte: 2 } })).toBe(2);
        expect(await store.count(LOGS)).toBe(0);
      });
    });

    describe('keyset paging', () => {
      // rank ties on purpose; ids are inserted out of order so the id tie-break shows.
      const ranked = [
        item('g', { rank: 3 }),
        item('c', { rank: 2 }),
        item('a', { rank: 2 }),
        item('f', { rank: 2 }),
        item('b', { rank: 1 }),
        item('e', { rank: 1 }),
        item('d', { rank: 3 }),
      ];

      beforeEach(async () => {
        await insertAll(ranked);
      });

      test('ascending pages follow the order fields, break ties by id, and the last page has no nextCursor', async () => {
        expect(await pages({ orderBy: { fields: ['rank'], direction: 'asc' }, limit: 2 })).toEqual([
          ['b', 'e'],
          ['a', 'c'],
          ['f', 'd'],
          ['g'],
        ]);
      });

      test('descending pages reverse both the order fields and the id tie-break', async () => {
        expect(await pages({ orderBy: { fields: ['rank'], direction: 'desc' }, limit: 3 })).toEqual([
          ['g', 'd', 'f'],
          ['c', 'a', 'e'],
          ['b'],
        ]);
      });

      test('ordering by id alone pages through every document once', async () => {
        expect(await pages({ orderBy: { fields: [], direction: 'asc' }, limit: 4 })).toEqual([
          ['a', 'b', 'c', 'd'],
          ['e', 'f', 'g'],
        ]);
      });

      test('two order fields sort by the first, then the second, then id', async () => {
        await store.update(ITEMS, 'a', { set: { group: 'h' } });
        await store.update(ITEMS, 'g', { set: { group: 'h' } });
        await store.update(ITEMS, 'b', { set: { group: 'h' } });
        expect(await pages({ orderBy: { fields: ['group', 'rank'], direction: 'asc' }, limit: 3 })).toEqual([
          ['e', 'c', 'f'],
          ['d', 'b', 'a'],
          ['g'],
        ]);
        expect(await pages({ orderBy: { fields: ['group', 'rank'], direction: 'desc' }, limit: 5 })).toEqual([
          ['g', 'a', 'b', 'd', 'f'],
          ['c', 'e'],
        ]);
      });

      test('a page that ends on the last document has no nextCursor', async () => {
        const all = await store.find<Item>(ITEMS, { orderBy: { fields: ['rank'], direction: 'asc' }, limit: 7 });
        expect(all.items).toHaveLength(7);
        expect(all.nextCursor).toBeNull();
        expect(await pages({ orderBy: { fields: ['rank'], direction: 'asc' }, limit: 6 })).toEqual([
          ['b', 'e', 'a', 'c', 'f', 'd'],
          ['g'],
        ]);
      });

      test('a cursor keeps its place when documents are inserted and removed between pages', async () => {
        const first = await store.find<Item>(ITEMS, { orderBy: { fields: ['rank'], direction: 'asc' }, limit: 3 });
        expect(first.items.map((d) => d.id)).toEqual(['b', 'e', 'a']);
        await store.insert(ITEMS, item('aa', { rank: 1 })); // before the cursor: not seen
        await store.insert(ITEMS, item('ab', { rank: 2 })); // after it: seen next
        await store.remove(ITEMS, 'c'); // after it, gone: not seen
        const second = await store.find<Item>(ITEMS, {
          orderBy: { fields: ['rank'], direction: 'asc' },
          limit: 3,
          after: first.nextCursor,
        });
        expect(second.items.map((d) => d.id)).toEqual(['ab', 'f', 'd']);
        const third = await store.find<Item>(ITEMS, {
          orderBy: { fields: ['rank'], direction: 'asc' },
          limit: 3,
          after: second.nextCursor,
        });
        expect(third.items.map((d) => d.id)).toEqual(['g']);
        expect(third.nextCursor).toBeNull();
      });

      test('paging combines with where and anyOf', async () => {
        await store.update(ITEMS, 'f', { set: { name: 'special f' } });
        await store.update(ITEMS, 'b', { set: { name: 'special b' } });
        expect(
          await pages({
            where: { rank: { $gte: 1 } },
            anyOf: [{ rank: 3 }, { name: { $prefix: 'special' } }],
            orderBy: { fields: ['rank'], direction: 'desc' },
            limit: 2,
          }),
        ).toEqual([['g', 'd'], ['f', 'b']]);
      });

      test('a cursor that is not one fails with InvalidCursorError', async () => {
        await expect(
          store.find(ITEMS, { orderBy: { fields: ['rank'], direction: 'asc' }, limit: 2, after: 'not-a-cursor' }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
      });
    });

    describe('keyset paging over null and missing order values', () => {
      beforeEach(async () => {
        await insertAll([
          item('r2', { rank: 2 }),
          item('n1', { rank: null }),
          item('r1', { rank: 1 }),
          { id: 'n2', code: 'n2', group: 'g', name: 'no rank', version: 1 },
        ]);
      });

      test('ascending, null and missing sort first and every document is visited once', async () => {
        expect(await pages({ orderBy: { fields: ['rank'], direction: 'asc' }, limit: 1 })).toEqual([['n1'], ['n2'], ['r1'], ['r2']]);
      });

      test('descending, null and missing sort last and every document is visited once', async () => {
        expect(await pages({ orderBy: { fields: ['rank'], direction: 'desc' }, limit: 1 })).toEqual([['r2'], ['r1'], ['n2'], ['n1']]);
      });
    });

    describe('transactions', () => {
      test('the writes of a transaction are all there after it returns its result', async () => {
        await insertAll([item('keep', { version: 1 }), item('drop')]);
        const result = await store.transaction(async (tx) => {
          await tx.insert(ITEMS, item('new'));
          await tx.insert(LOGS, { id: 'log-1', text: 'created new' });
          expect(await tx.update(ITEMS, 'keep', { set: { name: 'kept' }, inc: { version: 1 } }, { version: 1 })).toBe(true);
          expect(await tx.remove(ITEMS, 'drop')).toBe(true);
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.get(ITEMS, 'new')).toStrictEqual(item('new'));
        expect(await store.get(LOGS, 'log-1')).toEqual({ id: 'log-1', text: 'created new' });
        expect(await store.get(ITEMS, 'keep')).toStrictEqual({ ...item('keep'), name: 'kept', version: 2 });
        expect(await store.get(ITEMS, 'drop')).toBeNull();
      });

      test('reads inside a transaction see its own writes', async () => {
        await store.transaction(async (tx) => {
          expect(await tx.get(ITEMS, 'mine')).toBeNull();
          await tx.insert(ITEMS, item('mine'));
          expect(await tx.get(ITEMS, 'mine')).toStrictEqual(item('mine'));
          await tx.update(ITEMS, 'mine', { inc: { version: 1 } });
          expect((await tx.get<Item>(ITEMS, 'mine'))?.version).toBe(2);
          expect(await tx.remove(ITEMS, 'mine')).toBe(true);
          expect(await tx.get(ITEMS, 'mine')).toBeNull();
          expect(await tx.remove(ITEMS, 'mine')).toBe(false);
        });
      });

      test('a conditional update inside a transaction applies only when expect matches', async () => {
        await insertAll([item('v', { version: 5, code: null })]);
        await store.transaction(async (tx) => {
          expect(await tx.update(ITEMS, 'v', { set: { name: 'stale' } }, { version: 4 })).toBe(false);
          expect(await tx.update(ITEMS, 'nobody', { set: { name: 'x' } })).toBe(false);
          expect(await tx.update(ITEMS, 'v', { set: { name: 'fresh' }, inc: { version: 1 } }, { version: 5, code: null })).toBe(true);
          expect(await tx.update(ITEMS, 'v', { set: { name: 'range' } }, { version: { $gt: 5 }, group: { $in: ['g'] } })).toBe(true);
        });
        expect(await store.get(ITEMS, 'v')).toStrictEqual({ ...item('v', { code: null }), name: 'range', version: 6 });
        expect(await store.get(ITEMS, 'nobody')).toBeNull();
      });

      test('an error thrown inside rolls every write back and comes out as the very same error', async () => {
        await insertAll([item('stay', { version: 1 }), item('still-here')]);
        const thrown = new AppError('CONFLICT');
        const error = await store
          .transaction(async (tx) => {
            await tx.insert(ITEMS, item('ghost'));
            await tx.insert(LOGS, { id: 'ghost-log', text: 'never' });
            await tx.update(ITEMS, 'stay', { set: { name: 'changed' }, inc: { version: 1 } });
            await tx.remove(ITEMS, 'still-here');
            throw thrown;
          })
          .catch((e: unknown) => e);
        expect(error).toBe(thrown);
        expect(error).toBeInstanceOf(AppError);
        expect(await store.get(ITEMS, 'ghost')).toBeNull();
        expect(await store.get(LOGS, 'ghost-log')).toBeNull();
        expect(await store.get(ITEMS, 'stay')).toStrictEqual(item('stay'));
        expect(await store.get(ITEMS, 'still-here')).toStrictEqual(item('still-here'));
      });

      test('a duplicate key inside fails the transaction with DuplicateKeyError and rolls back earlier writes', async () => {
        await insertAll([item('taken', { code: 'TAKEN' })]);
        await expect(
          store.transaction(async (tx) => {
            await tx.insert(ITEMS, item('before', { code: 'FREE' }));
            await tx.insert(ITEMS, item('clash', { code: 'TAKEN' }));
          }),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await store.get(ITEMS, 'before')).toBeNull();
        expect(await store.get(ITEMS, 'clash')).toBeNull();
      });

      test('a unique index holds across concurrent transactions: of two inserting the same value, one commits', async () => {
        let release!: () => void;
        const bothInserted = new Promise<void>((resolve) => (release = resolve));
        let inserted = 0;
        const attempt = (id: string) =>
          store.transaction(async (tx) => {
            await tx.insert(ITEMS, item(id, { code: 'ONCE' }));
            if (++inserted === 2) release();
            // Wait (briefly) for the other to insert too, where the store lets transactions overlap.
            await Promise.race([bothInserted, new Promise((resolve) => setTimeout(resolve, 50))]);
          });
        const results = await Promise.allSettled([attempt('first'), attempt('second')]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason instanceof DuplicateKeyError || refused.reason instanceof TransactionConflictError).toBe(true);
        expect((await store.find(ITEMS, { where: { code: 'ONCE' }, orderBy: { fields: ['code'], direction: 'asc' }, limit: 5 })).items).toHaveLength(1);
      });

      test('a document removed inside a transaction frees its unique value for an insert in the same transaction', async () => {
        await insertAll([item('old', { code: 'MOVED' })]);
        await store.transaction(async (tx) => {
          await tx.remove(ITEMS, 'old');
          await tx.insert(ITEMS, item('new', { code: 'MOVED' }));
        });
        expect(await store.get(ITEMS, 'old')).toBeNull();
        expect(await store.get(ITEMS, 'new')).toMatchObject({ code: 'MOVED' });
      });
    });
  });
}

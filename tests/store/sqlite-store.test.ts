import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { DuplicateKeyError } from '../../cloudfunctions/app/ports/store';
import { StoreRateLimiter } from '../../cloudfunctions/app/limits/store-rate-limiter';
import { CONTRACT_COLLECTIONS, ITEMS, RATE_LIMITS } from './contract-collections';
import { describeRateLimiterContract } from './rate-limiter-contract';
import { describeStoreContract } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'qnwmh-store-contract-'));
let files = 0;
const newFile = () => join(dir, `store-${++files}.sqlite`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A trigger that makes SQLite abort the whole transaction, as a full disk or an I/O error would. */
function abortingOn(file: string, id: string): void {
  const admin = new Database(file);
  admin.exec(`CREATE TRIGGER abort_all BEFORE INSERT ON ${ITEMS} WHEN NEW.id = '${id}' BEGIN SELECT RAISE(ROLLBACK, 'disk trouble'); END`);
  admin.close();
}

describeStoreContract('SqliteStore on a real SQLite file', async () => {
  const store = new SqliteStore(newFile(), CONTRACT_COLLECTIONS);
  return { store, cleanup: () => store.close() };
});

describe('SqliteStore commits (transactions arriving together share one commit)', () => {
  test('of many transactions at once, each one that fails loses its own writes and only those', async () => {
    const store = new SqliteStore(newFile(), CONTRACT_COLLECTIONS);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.insert(ITEMS, { id: `item-${i}`, code: `c${i}`, group: 'g', rank: i });
          await tx.insert(ITEMS, { id: `twin-${i}`, code: `t${i}`, group: 'h', rank: i });
          if (i % 10 === 3) throw new Error(`refused ${i}`);
          return i;
        }),
      ),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected').length;
    expect(refused).toBe(20);
    expect(await store.count(ITEMS)).toBe(2 * 180);
    expect(await store.get(ITEMS, 'item-13')).toBeNull();
    expect(await store.get(ITEMS, 'twin-13')).toBeNull();
    expect(await store.get(ITEMS, 'twin-14')).toMatchObject({ rank: 14 });
    await store.close();
  });

  test('when SQLite itself rolls the whole batch back, no transaction of that batch is told it committed', async () => {
    const file = newFile();
    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    abortingOn(file, 'boom');
    const write = (id: string, i: number) => store.transaction(async (tx) => tx.insert(ITEMS, { id, code: `c${i}`, group: 'g', rank: i }));
    const outcomes = await Promise.allSettled([write('a', 1), write('b', 2), write('boom', 3), write('c', 4)]);
    const stored = new Set((await store.find(ITEMS, { orderBy: { fields: ['rank'], direction: 'asc' }, limit: 10 })).items.map((d) => d.id));
    outcomes.forEach((outcome, i) => {
      const id = ['a', 'b', 'boom', 'c'][i];
      if (outcome.status === 'fulfilled') expect(stored.has(id)).toBe(true);
    });
    // Started together, the first ones shared the lost batch: they hear of the loss, not of a commit.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('disk trouble');
    // The store goes on working.
    await write('d', 5);
    expect(await store.get(ITEMS, 'd')).toMatchObject({ rank: 5 });
    await store.close();
  });

  test('plain writes share the batch too: one refused by a unique index loses only itself, one SQLite aborts loses the batch', async () => {
    const file = newFile();
    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    abortingOn(file, 'boom');
    const refused = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => store.insert(ITEMS, { id: `item-${i}`, code: i % 10 === 3 ? 'c-taken' : `c${i}`, group: 'g', rank: i })),
    );
    // The first of the six with the taken code got it; the five after it were refused, each alone.
    expect(refused.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason)).toEqual(
      Array.from({ length: 5 }, () => expect.any(DuplicateKeyError)),
    );
    expect(await store.count(ITEMS)).toBe(55);

    const lost = await Promise.allSettled([
      store.update(ITEMS, 'item-0', { set: { rank: 100 } }),
      store.insert(ITEMS, { id: 'boom', code: 'c-boom', group: 'g', rank: 1 }),
      store.insert(ITEMS, { id: 'after', code: 'c-after', group: 'g', rank: 2 }),
    ]);
    expect(lost.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(await store.get(ITEMS, 'item-0')).toMatchObject({ rank: 0 });
    expect(await store.get(ITEMS, 'after')).toMatchObject({ rank: 2 });
    await store.close();
  });

  test('a write answers only once it is committed: another connection to the file already reads it', async () => {
    const file = newFile();
    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    const other = new Database(file, { readonly: true });
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        await store.insert(ITEMS, { id: `item-${i}`, code: `c${i}`, group: 'g', rank: i });
        return other.prepare(`SELECT COUNT(*) AS n FROM ${ITEMS} WHERE id = ?`).get(`item-${i}`) as { n: number };
      }),
    );
    expect(answers.every((a) => a.n === 1)).toBe(true);
    other.close();
    await store.close();
  });
});

describe('SqliteStore reads see committed data only', () => {
  test('a read asked between a finished transaction and the commit of its batch never sees a write that is then lost', async () => {
    const file = newFile();
    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    abortingOn(file, 'boom');
    // Asked in this order in one turn: the first transaction is done before the read is served, and
    // the second one, which sinks the shared batch, runs before that batch could commit.
    const first = store.transaction((tx) => tx.insert(ITEMS, { id: 'a', code: 'ca', group: 'g', rank: 1 }));
    const read = store.get(ITEMS, 'a');
    const counted = store.count(ITEMS);
    const sinking = store.transaction((tx) => tx.insert(ITEMS, { id: 'boom', code: 'cb', group: 'g', rank: 2 }));
    const outcomes = await Promise.allSettled([first, sinking]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await read).toBeNull();
    expect(await counted).toBe(0);
    await store.close();
  });

  test('while a transaction is still open, readers are not answered with its writes, and its caller is answered only after the commit', async () => {
    const file = newFile();
    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    const other = new Database(file, { readonly: true });
    const onDisk = (id: string) => (other.prepare(`SELECT COUNT(*) AS n FROM ${ITEMS} WHERE id = ?`).get(id) as { n: number }).n;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const answered: string[] = [];
    const first = store.transaction((tx) => tx.insert(ITEMS, { id: 'a', code: 'ca', group: 'g', rank: 1 })).then(() => answered.push('first'));
    // The second transaction joins the same batch and holds it open until the gate opens.
    const second = store
      .transaction(async (tx) => {
        await tx.insert(ITEMS, { id: 'b', code: 'cb', group: 'g', rank: 2 });
        await gate;
      })
      .then(() => answered.push('second'));
    const read = store.get(ITEMS, 'a').then((doc) => (answered.push('read'), doc));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toEqual([]);
    expect(onDisk('a')).toBe(0);

    release();
    await Promise.all([first, second]);
    expect(onDisk('a')).toBe(1);
    expect(onDisk('b')).toBe(1);
    expect(await read).toMatchObject({ id: 'a', rank: 1 });
    expect(answered.sort()).toEqual(['first', 'read', 'second']);
    other.close();
    await store.close();
  });

  test('a read asked after a transaction was answered sees its writes', async () => {
    const store = new SqliteStore(newFile(), CONTRACT_COLLECTIONS);
    for (let i = 0; i < 20; i++) {
      await store.transaction((tx) => tx.insert(ITEMS, { id: `item-${i}`, code: `c${i}`, group: 'g', rank: i }));
      expect(await store.count(ITEMS)).toBe(i + 1);
    }
    await store.close();
  });
});

describe('SqliteStore updates (patched in SQL, one statement)', () => {
  test('numbers keep their exact value, and counters stay integers however often they are incremented', async () => {
    const file = newFile();
    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    await store.insert(ITEMS, { id: 'p', code: 'c', group: 'g', rank: 1, point: 0 });
    expect(await store.update(ITEMS, 'p', { set: { point: 0.1 + 0.2, lat: 29.357412345678901, flags: { on: true } }, inc: { rank: 2, seen: 1 } })).toBe(true);
    expect(await store.update(ITEMS, 'p', { inc: { rank: 1 } })).toBe(true);
    expect(await store.get(ITEMS, 'p')).toEqual({ id: 'p', code: 'c', group: 'g', rank: 4, point: 0.1 + 0.2, lat: 29.357412345678901, flags: { on: true }, seen: 1 });
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare(`SELECT json_type(doc, '$.rank') AS t FROM ${ITEMS} WHERE id = 'p'`).get()).toEqual({ t: 'integer' });
    raw.close();
    // The index on rank follows: a query by the new value finds it.
    expect((await store.find(ITEMS, { where: { group: 'g', rank: 4 }, orderBy: { fields: ['rank'], direction: 'asc' }, limit: 5 })).items).toHaveLength(1);
    await store.close();
  });
});

describe('SqliteStore files from an earlier version', () => {
  test('a file whose indexes were over the JSON is brought up to date with every document kept and found', async () => {
    const file = newFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE ${ITEMS} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    old.exec(`CREATE INDEX "${ITEMS}__group_rank" ON ${ITEMS} (json_extract(doc, '$.group'), json_extract(doc, '$.rank'))`);
    const insert = old.prepare(`INSERT INTO ${ITEMS} (id, doc) VALUES (?, ?)`);
    for (let i = 0; i < 5; i++) insert.run(`item-${i}`, JSON.stringify({ id: `item-${i}`, code: `c${i}`, group: i % 2 ? 'odd' : 'even', rank: 10 - i }));
    old.close();

    const store = new SqliteStore(file, CONTRACT_COLLECTIONS);
    const even = await store.find(ITEMS, { where: { group: 'even' }, orderBy: { fields: ['rank'], direction: 'asc' }, limit: 10 });
    expect(even.items.map((d) => d.id)).toEqual(['item-4', 'item-2', 'item-0']);
    await expect(store.insert(ITEMS, { id: 'item-9', code: 'c3', group: 'odd', rank: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await store.count(ITEMS)).toBe(5);
    await store.close();

    const reopened = new Database(file, { readonly: true });
    const indexes = reopened.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(ITEMS) as Array<{ sql: string }>;
    expect(indexes.map((i) => i.sql).join('\n')).not.toContain('json_extract');
    reopened.close();
  });
});

describeRateLimiterContract('SQLite', async () => {
  const store = new SqliteStore(newFile(), CONTRACT_COLLECTIONS);
  // One process shares one connection; instances on other machines are CloudBase's case.
  return { instances: () => new StoreRateLimiter(store, RATE_LIMITS), cleanup: () => store.close() };
});

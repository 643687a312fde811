import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { CONTRACT_COLLECTIONS } from './contract-collections';
import { describeStoreContract } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'qnwmh-store-contract-'));
let files = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('SqliteStore on a real SQLite file', async () => {
  const store = new SqliteStore(join(dir, `store-${++files}.sqlite`), CONTRACT_COLLECTIONS);
  return { store, cleanup: () => store.close() };
});

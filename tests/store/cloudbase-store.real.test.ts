import tcb from '@cloudbase/node-sdk';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { CONTRACT_COLLECTIONS } from './contract-collections';
import { describeStoreContract } from './store-contract';

/**
 * The store contract against a real CloudBase environment. It writes only to the contract_*
 * collections (emptied before each test), never to the product's. Before the first run:
 * `npm run setup:cloudbase -- --with-contract-collections`, then create the unique index it lists
 * for contract_items in the console. Use a test environment, not production.
 */
const REQUIRED = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;
const missing = REQUIRED.filter((name) => !process.env[name]);

if (missing.length > 0) {
  console.log(`CloudBase store contract skipped: set ${missing.join(', ')} to run it against a real environment.`);
}

jest.setTimeout(60_000);

let app: ReturnType<typeof tcb.init> | undefined;

async function emptyContractCollections(): Promise<void> {
  const db = app!.database();
  const _ = db.command;
  for (const name of Object.keys(CONTRACT_COLLECTIONS)) {
    await db.collection(name).where({ _id: _.exists(true) }).remove();
  }
}

if (missing.length === 0) {
  beforeAll(async () => {
    app = tcb.init({
      env: process.env.CLOUDBASE_ENV_ID,
      secretId: process.env.TENCENTCLOUD_SECRETID,
      secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    });
    const db = app.database();
    for (const name of Object.keys(CONTRACT_COLLECTIONS)) {
      // Creating a collection that exists fails (DATABASE_COLLECTION_ALREADY_EXIST): that is fine.
      await db.createCollection(name).catch(() => undefined);
    }
  });
}

describeStoreContract(
  'CloudbaseStore on a real CloudBase environment',
  async () => {
    await emptyContractCollections();
    return { store: new CloudbaseStore(app!), cleanup: emptyContractCollections };
  },
  { skip: missing.length > 0 },
);

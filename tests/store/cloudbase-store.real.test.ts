import tcb from '@cloudbase/node-sdk';
import { CloudbaseDatabaseAdmin } from '../../cloudfunctions/adapters/cloudbase/cloudbase-database-admin';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { applyPlan } from '../../cloudfunctions/app/collections/database-plan';
import { CONTRACT_COLLECTIONS } from './contract-collections';
import { describeStoreContract } from './store-contract';

/**
 * The store contract against a real CloudBase environment. It writes only to the contract_*
 * collections (emptied before each test), never to the product's; it creates them and their indexes
 * itself through the management API. Use a test environment, not production.
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
    const admin = new CloudbaseDatabaseAdmin({
      envId: process.env.CLOUDBASE_ENV_ID!,
      secretId: process.env.TENCENTCLOUD_SECRETID,
      secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    });
    await applyPlan(admin, CONTRACT_COLLECTIONS, () => undefined);
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

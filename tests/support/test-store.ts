import http from 'node:http';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { CloudbaseDatabaseAdmin } from '../../cloudfunctions/adapters/cloudbase/cloudbase-database-admin';
import { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/cloudbase-store';
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store';
import { COLLECTIONS } from '../../cloudfunctions/app/collections';
import { UniqueIndexGuard } from '../../cloudfunctions/app/collections/unique-index-guard';
import type { Store } from '../../cloudfunctions/app/ports/store';
import { FakeCloudbase } from './fake-cloudbase';

/**
 * Which store the integration suites run on: the SQLite file (jest project `node`) or CloudBase
 * through the real @cloudbase/node-sdk against the in-repo stand-in (project `node-cloudbase`, whose
 * setup file sets TEST_STORE=cloudbase and starts the stand-in for the test file).
 */
export type StoreKind = 'sqlite' | 'cloudbase';
export const storeKind = (): StoreKind => (process.env.TEST_STORE === 'cloudbase' ? 'cloudbase' : 'sqlite');

/** One stand-in per test file, every environment provisioned as `npm run setup:cloudbase` leaves it. */
let standIn: { fake: FakeCloudbase; serviceUrl: string } | null = null;
let environments = 0;

export async function startStandIn(): Promise<FakeCloudbase> {
  // In production each function instance has its own connections; here every instance shares one process
  // and one stand-in port. Without keep-alive a rush leaves tens of thousands of sockets in TIME-WAIT and
  // runs out of local ports; Node 20's default agent races the server's idle close and hangs calls until
  // the SDK's timeout. So: keep sockets, any number of them, and let the client drop idle ones before the
  // stand-in does (fake-cloudbase.ts keeps them 120 s).
  http.globalAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 60_000 });
  const fake = new FakeCloudbase(COLLECTIONS);
  standIn = { fake, serviceUrl: await fake.start() };
  process.env.TCB_BASE_URL = fake.managementUrl(); // the management SDK's endpoint
  return fake;
}

export async function stopStandIn(): Promise<void> {
  await standIn?.fake.stop();
  standIn = null;
}

/** A fresh, empty store of the kind under test; `dir` holds the SQLite file. */
export function createTestStore(dir: string): Store {
  if (storeKind() === 'sqlite') return new SqliteStore(join(dir, 'test.sqlite'), COLLECTIONS);
  if (!standIn) throw new Error('the CloudBase stand-in is not running: run this suite in the node-cloudbase jest project');
  // A new CloudBase environment per application: its data starts empty, isolated from the others.
  const env = `test-${process.pid}-${++environments}`;
  const app = tcb.init({ env, secretId: 'fake-id', secretKey: 'fake-key', serviceUrl: standIn.serviceUrl, keepalive: false, timeout: 10_000 });
  // Composed as cloudbase-main.ts composes a function's store.
  return new UniqueIndexGuard(new CloudbaseStore(app), COLLECTIONS, new CloudbaseDatabaseAdmin({ envId: env, secretId: 'fake-id', secretKey: 'fake-key' }));
}

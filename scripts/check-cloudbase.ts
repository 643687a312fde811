/**
 * Verifies that a CloudBase environment has every collection and index the product needs (read
 * only). Exit code 0 when complete, 1 with each shortfall listed, 2 without credentials.
 *
 *   CLOUDBASE_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run check:cloudbase
 */
import { COLLECTIONS } from '../cloudfunctions/app/collections';
import { describeShortfall, shortfalls } from '../cloudfunctions/app/collections/database-plan';
import { adminFromEnvironment } from './cloudbase-admin';

async function main(): Promise<void> {
  const target = adminFromEnvironment('check:cloudbase');
  if (!target) return;
  const missing = await shortfalls(target.admin, COLLECTIONS);
  if (missing.length === 0) {
    console.log(`${target.envId}: all ${Object.keys(COLLECTIONS).length} collections and their indexes are in place.`);
    return;
  }
  console.error(`${target.envId} lacks ${missing.length} item(s); run npm run setup:cloudbase:`);
  for (const shortfall of missing) console.error(`  ${describeShortfall(shortfall)}`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('check:cloudbase failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/**
 * Prepares a CloudBase environment's database for the product: creates every collection that
 * cloudfunctions/app/collections declares and every index it needs, unique ones included, through
 * the management API. Safe to run again: what exists is left alone.
 *
 *   CLOUDBASE_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run setup:cloudbase
 *
 * Then `npm run check:cloudbase` confirms the environment has them all.
 */
import { COLLECTIONS } from '../cloudfunctions/app/collections';
import { applyPlan, describeShortfall } from '../cloudfunctions/app/collections/database-plan';
import { adminFromEnvironment } from './cloudbase-admin';

async function main(): Promise<void> {
  const target = adminFromEnvironment('setup:cloudbase');
  if (!target) return;
  console.log(`Collections and indexes in ${target.envId}:`);
  const { created, conflicting } = await applyPlan(target.admin, COLLECTIONS, (line) => console.log(line));
  console.log(created.length === 0 ? '  nothing to create: every collection and index exists' : `  ${created.length} created`);
  console.log('\n  Permissions: the cloud functions use admin rights; give clients no direct access to any collection');
  console.log('  (the strictest collection permission, or the security rule { "read": false, "write": false }).');
  if (conflicting.length > 0) {
    console.error(`\n${conflicting.length} index(es) exist with another definition; drop them in the console and run again:`);
    for (const shortfall of conflicting) console.error(`  ${describeShortfall(shortfall)}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('setup:cloudbase failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

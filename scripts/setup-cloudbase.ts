/**
 * Prepares a CloudBase environment's database for the product: creates every collection that
 * cloudfunctions/app/collections.ts declares, then prints the indexes to create in the console
 * (the Node SDK cannot create indexes, and @cloudbase/manager-node is not a dependency).
 *
 *   CLOUDBASE_ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run setup:cloudbase
 *
 * Options:
 *   --with-contract-collections  also the contract_* collections the store contract suite uses
 *                                (tests/store/cloudbase-store.real.test.ts); for a test environment
 *   --print-only                 only print the checklist; needs no credentials, contacts nobody
 */
import tcb from '@cloudbase/node-sdk';
import { COLLECTIONS, type IndexSpec } from '../cloudfunctions/app/collections';
import { CONTRACT_COLLECTIONS } from '../tests/store/contract-collections';

const REQUIRED = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

function indexName(index: IndexSpec): string {
  return index.fields.map((field) => `${field}_1`).join('_');
}

function checklist(collections: Record<string, IndexSpec[]>, envId: string | undefined): string {
  const lines = [
    '',
    `Indexes to create in the CloudBase console${envId ? ` (environment ${envId})` : ''}:`,
    '  云开发控制台 → 数据库 → <collection> → 索引管理 → 新建索引. Every field ascending (升序);',
    '  queries sort all fields one way and MongoDB walks an index either way.',
  ];
  for (const [name, indexes] of Object.entries(collections)) {
    lines.push('', `  ${name}`);
    if (indexes.length === 0) lines.push('    (no index beyond the built-in _id)');
    for (const index of indexes) {
      const fields = index.fields.map((field) => `${field} 升序`).join(', ');
      lines.push(`    [ ] ${indexName(index).padEnd(28)} ${fields.padEnd(36)} ${index.unique ? '唯一 (unique)' : '非唯一'}`);
    }
  }
  const unique = Object.entries(collections).flatMap(([name, indexes]) =>
    indexes.filter((index) => index.unique).map((index) => `${name}(${index.fields.join(', ')})`),
  );
  if (unique.length > 0) {
    lines.push(
      '',
      '  ⚠ A CloudBase unique index treats null and missing as an ordinary value: two documents with a',
      '    null (or no) indexed field collide when their other indexed fields are equal too, so a',
      '    single-field unique index admits ONE document without a value. SQLite treats every NULL as',
      '    distinct and admits them all. Check each unique index against documents that leave it null:',
      ...unique.map((entry) => `      - ${entry}`),
    );
  }
  lines.push(
    '',
    '  Permissions: the cloud functions use admin rights; give clients no direct access to any collection',
    '  (the strictest collection permission, or the security rule { "read": false, "write": false }).',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const unknown = [...args].filter((arg) => !['--with-contract-collections', '--print-only'].includes(arg));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}`);

  const collections: Record<string, IndexSpec[]> = {
    ...COLLECTIONS,
    ...(args.has('--with-contract-collections') ? CONTRACT_COLLECTIONS : {}),
  };

  if (args.has('--print-only')) {
    console.log(checklist(collections, process.env.CLOUDBASE_ENV_ID));
    return;
  }

  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`Set ${missing.join(', ')} (see .env.example), or pass --print-only to see the checklist.`);
    process.exitCode = 2;
    return;
  }

  const envId = process.env.CLOUDBASE_ENV_ID!;
  const app = tcb.init({
    env: envId,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
  });
  const db = app.database();

  console.log(`Collections in ${envId}:`);
  let failed = 0;
  for (const name of Object.keys(collections)) {
    try {
      await db.createCollection(name);
      console.log(`  created  ${name}`);
    } catch (error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (String(code).includes('ALREADY_EXIST') || /already exist/i.test(String(message))) {
        console.log(`  exists   ${name}`);
      } else {
        failed++;
        console.error(`  FAILED   ${name}: ${String(code ?? '')} ${String(message ?? error)}`);
      }
    }
  }

  console.log(checklist(collections, envId));
  if (failed > 0) {
    console.error(`${failed} collection(s) could not be created.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { CloudbaseDatabaseAdmin } from '../cloudfunctions/adapters/cloudbase/cloudbase-database-admin';

const REQUIRED = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

/**
 * The management API of the environment named by the process environment, for setup:cloudbase and
 * check:cloudbase; null (with the reason printed and exit code 2) when credentials are missing.
 */
export function adminFromEnvironment(script: string): { admin: CloudbaseDatabaseAdmin; envId: string } | null {
  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`${script}: set ${missing.join(', ')} (see .env.example) to reach a CloudBase environment.`);
    process.exitCode = 2;
    return null;
  }
  const envId = process.env.CLOUDBASE_ENV_ID!;
  return {
    envId,
    admin: new CloudbaseDatabaseAdmin({ envId, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY }),
  };
}

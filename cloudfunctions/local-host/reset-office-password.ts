import { changeAccount } from '../app/common/account-changes';
import type { AccountDoc } from '../app/collections';
import { oneTimePassword } from '../app/security/passwords';
import { composeLocal } from './compose';
import { loadConfig } from './config';

/**
 * For whoever runs this machine: a new one-time password for the campaign office, when the one
 * printed at first start is lost. It needs access to the data directory, which is the authority here.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const deps = composeLocal(config, config.publicUrl ?? `http://localhost:${config.port}`);
  try {
    const { items } = await deps.store.find<AccountDoc>('accounts', {
      where: { role: 'office', status: { $ne: 'cancelled' } },
      orderBy: { fields: ['createdAt'], direction: 'asc' },
      limit: 1,
    });
    const office = items[0];
    if (!office) throw new Error(`数据目录 ${config.dataDir} 中没有组委会办公室帐号：先运行 npm start`);
    const password = oneTimePassword();
    await changeAccount(deps, office, {
      actor: null,
      action: 'admin.resetPassword',
      set: { passwordHash: await deps.passwords.hash(password), mustChangePassword: true, lockedUntil: null, status: 'active' },
      reason: '本机命令 npm run office:reset-password',
    });
    console.log(`组委会办公室 用户名：${office.code}`);
    console.log(`组委会办公室 初始密码：${password}（首次登录须修改）`);
  } finally {
    await deps.store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

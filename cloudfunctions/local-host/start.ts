import { loadConfig } from './config';
import { startLocalHost } from './main';

/** `npm run serve`: the whole product on this machine, with the demo campaign on first start. */
(async () => {
  const config = loadConfig();
  const host = await startLocalHost(config);
  console.log(`青年文明号在线 已启动：${host.url}`);
  console.log(`  接口说明（JSON）：${host.url}/api`);
  if (!config.smtpUrl) console.log(`  本地发件箱：${host.url}/dev/mailbox`);
  console.log(`  数据目录：${config.dataDir}`);
  if (host.office) {
    console.log('已载入演示数据：2017—2018年度岳阳市青年文明号（12个行业、13个县市区管理单位及名额）');
    console.log(`组委会办公室 用户名：${host.office.code}`);
    console.log(`组委会办公室 初始密码：${host.office.oneTimePassword}`);
    console.log('（初始密码只显示这一次，首次登录须修改；遗失时运行 npm run office:reset-password）');
  }
  const stop = () => host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

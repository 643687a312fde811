import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type LocalHostConfig } from './config';
import { composeLocal } from './compose';
import { seedDemo, type SeededOffice } from './demo/seed-demo';
import { hostHandler } from './server';

export interface RunningHost {
  url: string;
  office: SeededOffice | null;
  close(): Promise<void>;
}

export async function startLocalHost(config: LocalHostConfig): Promise<RunningHost> {
  // Bind first: with PORT=0 the port, and so the URL that mailed links use, is known only then.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const deps = composeLocal(config, url);
  const office = config.demo ? await seedDemo(deps) : null;
  server.on('request', hostHandler(deps, { h5Dir: config.h5Dir, outboxPage: deps.usesOutbox }));
  return {
    url,
    office,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.store.close();
    },
  };
}

if (require.main === module) {
  (async () => {
    const config = loadConfig();
    const host = await startLocalHost(config);
    console.log(`青年文明号在线 已启动：${host.url}`);
    console.log(`  接口说明（JSON）：${host.url}/api`);
    if (!config.smtpUrl) console.log(`  本地发件箱：${host.url}/dev/outbox`);
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
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalHostConfig } from './config';
import { composeLocal } from './compose';
import { seedDemo, type SeededOffice } from './demo/seed-demo';
import { runJobs } from './jobs';
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
  server.on('request', hostHandler(deps, { h5Dir: config.h5Dir, mailboxPage: deps.usesDevMailbox, files: deps.files }));
  const jobs = config.jobs ? runJobs(deps) : null;
  if (jobs) deps.wakeJobs = jobs.wake;
  return {
    url,
    office,
    close: async () => {
      jobs?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs?.idle();
      await deps.store.close();
    },
  };
}

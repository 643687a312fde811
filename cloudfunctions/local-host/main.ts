import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopback, type LocalHostConfig } from './config';
import { composeLocal } from './compose';
import { seedDemo, type SeededOffice } from './demo/seed-demo';
import { runJobs } from './jobs';
import { runDataUpgrades } from '../app/jobs/data-upgrades';
import { hostHandler, whileStarting } from './server';
import type { Deps } from '../app/context';

export interface RunningHost {
  url: string;
  office: SeededOffice | null;
  close(): Promise<void>;
}

/** The running host and what it is wired to (the throughput benches hand requests to the router in its process). */
export interface LocalHost extends RunningHost {
  deps: Deps;
}

export async function startLocalHost(config: LocalHostConfig): Promise<LocalHost> {
  // Bind first: with PORT=0 the port, and so the URL that mailed links use, is known only then. Until the
  // store is open and the demo loaded, every request is answered 503 with Retry-After, never left hanging.
  let handler: RequestListener = whileStarting;
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let deps: ReturnType<typeof composeLocal> | null = null;
  try {
    deps = composeLocal(config, url);
    await runDataUpgrades(deps);
    const office = config.demo ? await seedDemo(deps) : null;
    // The dev mailbox holds reset links: it is shown only to this machine (config refuses other hosts without SMTP).
    handler = hostHandler(deps, { h5Dir: config.h5Dir, mailboxPage: deps.usesDevMailbox && isLoopback(config.host), files: deps.files, publicUrl: url, trustProxy: config.trustProxy, mediaVerdicts: isLoopback(config.host) });
    const jobs = config.jobs ? runJobs(deps) : null;
    if (jobs) deps.wakeJobs = jobs.wake;
    const ready = deps;
    return {
      url,
      office,
      deps: ready,
      close: async () => {
        jobs?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await jobs?.idle();
        await ready.store.close();
      },
    };
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await deps?.store.close();
    throw error;
  }
}

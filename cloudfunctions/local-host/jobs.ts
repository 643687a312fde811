import type { Deps } from '../app/context';
import { JOBS } from '../app/jobs';
import { voidLeases } from '../app/outbox/perform';

export interface JobLoop {
  /** Runs the outbox soon: a request left work behind (see outbox/perform.ts `afterCommit`). */
  wake(): void;
  stop(): void;
  /** Resolves when no outbox run is under way or asked for (tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * Runs every job on its interval in this process (CloudBase uses timer triggers instead). The outbox also
 * runs at start — finishing what the previous process committed but did not get to — and whenever a
 * request wakes it, on the next turn of the event loop: one run at a time, and a wake during a run
 * makes one more run after it, so nothing a request left waits for the interval.
 */
export function runJobs(deps: Deps): JobLoop {
  const failed = (name: string) => (error: unknown) => console.error(`[jobs] ${name} failed`, error);
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const runOutbox = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => JOBS.outbox.run(deps))
      .catch(failed('outbox'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          runOutbox();
        }
      });
  };

  const timers = Object.entries(JOBS).map(([name, job]) => {
    const timer = setInterval(() => {
      if (name === 'outbox') runOutbox();
      else job.run(deps).catch(failed(name));
    }, job.everyMinutes * 60_000);
    timer.unref();
    return timer;
  });
  voidLeases(deps).then(runOutbox, failed('outbox'));
  return {
    wake: runOutbox,
    stop: () => {
      stopped = true;
      timers.forEach(clearInterval);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

import type { Deps } from '../app/context';
import { JOBS } from '../app/jobs';

/** Runs every job on its interval in this process (CloudBase uses timer triggers instead). Returns the stop. */
export function runJobs(deps: Deps): () => void {
  const timers = Object.entries(JOBS).map(([name, job]) => {
    const timer = setInterval(() => {
      job.run(deps).catch((error) => console.error(`[jobs] ${name} failed`, error));
    }, job.everyMinutes * 60_000);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}

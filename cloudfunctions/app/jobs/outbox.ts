import type { Deps } from '../context';
import { performDueOutbox } from '../outbox/perform';

/**
 * The outbox's runner (outbox/records.ts): whatever a request left — the next pages of a long list, a
 * message whose delivery failed, everything a process that died after its commit did not get to. Every
 * minute on one machine (and at once when a request leaves work, see local-host/jobs.ts); on CloudBase
 * with the `jobs` function's timer.
 */
export const outbox = {
  everyMinutes: 1,
  run: async (deps: Deps) => {
    await performDueOutbox(deps);
  },
};

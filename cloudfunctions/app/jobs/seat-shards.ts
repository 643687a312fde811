import type { Deps } from '../context';
import { upgradeSeatShards } from '../usecases/openweek/seat-shards';

/**
 * Events from before issue #9 counted their seats on themselves: on CloudBase the timer gives them seat
 * shards after a deploy (a signup meanwhile does it for its event first); the local host does it before it serves.
 */
export const seatShards = {
  everyMinutes: 60,
  async run(deps: Deps): Promise<void> {
    await upgradeSeatShards(deps);
  },
};

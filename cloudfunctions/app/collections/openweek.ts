import type { IndexSpec } from './index-spec';

/** Collections of open-week events and signups (issue #4), with the indexes their queries need. */
export const OPENWEEK_COLLECTIONS = {} satisfies Record<string, IndexSpec[]>;

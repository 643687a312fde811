import type { IndexSpec } from './index-spec';

/** Collections of filing, review and a collective's lifecycle (issue #3), with the indexes their queries need. */
export const FILING_COLLECTIONS = {} satisfies Record<string, IndexSpec[]>;

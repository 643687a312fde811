import type { ErrorSpec } from './spec';

/** Error codes of filing, review and a collective's lifecycle (issue #3). */
export const FILING_ERRORS = {} as const satisfies Record<string, ErrorSpec>;

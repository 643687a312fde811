import type { ErrorSpec } from './spec';

/** Error codes of open-week events and signups (issue #4). */
export const OPENWEEK_ERRORS = {} as const satisfies Record<string, ErrorSpec>;

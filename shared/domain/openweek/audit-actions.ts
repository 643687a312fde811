/** Audited actions of open-week events and signups (issue #4), as readers see them. */
export const OPENWEEK_AUDIT_ACTIONS = {} as const satisfies Record<string, string>;

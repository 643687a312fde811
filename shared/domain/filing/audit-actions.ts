/** Audited actions of filing, review and a collective's lifecycle (issue #3), as readers see them. */
export const FILING_AUDIT_ACTIONS = {} as const satisfies Record<string, string>;

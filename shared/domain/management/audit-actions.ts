/** Audited actions of the management function (issue #14), as readers see them. */
export const MANAGEMENT_AUDIT_ACTIONS = {
  'management.recordLedgerEntry': '记录五个一工作台账',
  'management.removeLedgerEntry': '删除五个一工作台账记录',
} as const;

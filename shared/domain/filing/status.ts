/**
 * A filing's life, as data: for each status, the events it accepts and where each leads.
 * `Record<FilingStatus, …>` makes the compiler flag a status left out.
 */
export const FILING_STATUSES = ['draft', 'filed', 'reviewing', 'returned', 'approved', 'revoked', 'closed'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  draft: '草稿',
  filed: '已报备，待初审',
  reviewing: '初审通过，待上级审核',
  returned: '已退回',
  approved: '已通过，为创建集体',
  revoked: '已取消创建资格',
  closed: '已关闭（集体重组）',
};

export const FILING_EVENTS = ['submit', 'passUp', 'sendBack', 'approve', 'return', 'revoke', 'close'] as const;
export type FilingEvent = (typeof FILING_EVENTS)[number];

export const FILING_EVENT_LABELS: Record<FilingEvent, string> = {
  submit: '提交报备',
  passUp: '初审通过，报上级审核',
  sendBack: '初审退回',
  approve: '审核通过（创建集体）',
  return: '审核退回',
  revoke: '取消创建资格',
  close: '集体重组，原记录关闭',
};

const TRANSITIONS: Record<FilingStatus, Partial<Record<FilingEvent, FilingStatus>>> = {
  draft: { submit: 'filed', close: 'closed' },
  filed: { passUp: 'reviewing', sendBack: 'returned', approve: 'approved', return: 'returned', revoke: 'revoked', close: 'closed' },
  reviewing: { passUp: 'reviewing', sendBack: 'returned', approve: 'approved', return: 'returned', revoke: 'revoked', close: 'closed' },
  returned: { submit: 'filed', revoke: 'revoked', close: 'closed' },
  approved: { revoke: 'revoked', close: 'closed' },
  revoked: {},
  closed: {},
};

/** Where `event` leads from `status`, or null when the status does not accept it. */
export function nextStatus(status: FilingStatus, event: FilingEvent): FilingStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** Statuses in which the collective may still edit its content. */
export const EDITABLE: Record<FilingStatus, boolean> = {
  draft: true,
  filed: false,
  reviewing: false,
  returned: true,
  approved: false,
  revoked: false,
  closed: false,
};

/** Statuses waiting for a reviewer. */
export const AWAITING_REVIEW: Record<FilingStatus, boolean> = {
  draft: false,
  filed: true,
  reviewing: true,
  returned: false,
  approved: false,
  revoked: false,
  closed: false,
};

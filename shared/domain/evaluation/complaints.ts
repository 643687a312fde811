/** 投诉 (complaints) from the 三亮 page, handled by the collective's managing unit (issue #12). */

export const COMPLAINT_CATEGORIES = ['attitude', 'efficiency', 'fees', 'commitment', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  fees: '违规收费',
  commitment: '承诺未兑现',
  other: '其他',
};

/** 核实属实 (upheld) or 不属实 (rejected). */
export const COMPLAINT_VERDICTS = ['upheld', 'rejected'] as const;
export type ComplaintVerdict = (typeof COMPLAINT_VERDICTS)[number];
export const COMPLAINT_VERDICT_LABELS: Record<ComplaintVerdict, string> = { upheld: '核实属实', rejected: '核实不属实' };

export const MAX_COMPLAINT_LENGTH = 500;

/**
 * A complaint still unanswered at its deadline is chased (the managing unit's admins are told), and one
 * still unanswered this many working days after its deadline goes to the level-1 unit.
 */
export const COMPLAINT_ESCALATION_WORKING_DAYS = 2;
/** none: in time or answered before its deadline; chased: overdue, the unit told; escalated: sent to the level-1 unit. */
export const COMPLAINT_ESCALATIONS = ['none', 'chased', 'escalated'] as const;
export type ComplaintEscalation = (typeof COMPLAINT_ESCALATIONS)[number];
export const COMPLAINT_ESCALATION_LABELS: Record<ComplaintEscalation, string> = { none: '', chased: '逾期已催办', escalated: '逾期已转一级单位督办' };

/** The collective's own account of its rectification: submitted, then confirmed or returned by the managing unit. */
export const RECTIFICATION_STATES = ['submitted', 'confirmed', 'returned'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = { submitted: '待管理单位确认', confirmed: '管理单位已确认', returned: '管理单位退回，请重新提交' };

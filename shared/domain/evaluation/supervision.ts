/**
 * 监督查评: social supervisors (社会监督员) a managing unit appoints, and their 明察暗访 reports, which reach a
 * collective only when the unit forwards them (issue #12).
 */

/** A report's text, and the photos one may carry. */
export const MAX_REPORT_LENGTH = 2000;
export const MAX_REPORT_PHOTOS = 3;

/** An invitation code is good for this long after the admin issues it, and for one redemption. */
export const INVITATION_VALID_DAYS = 7;

/** invited: code issued, not yet redeemed; active: redeemed; revoked: by an admin (an unused code dies with it). */
export const SUPERVISOR_STATUSES = ['invited', 'active', 'revoked'] as const;
export type SupervisorStatus = (typeof SUPERVISOR_STATUSES)[number];
export const SUPERVISOR_STATUS_LABELS: Record<SupervisorStatus | 'expired', string> = { invited: '待接受邀请', active: '在任', revoked: '已撤销', expired: '邀请已过期' };

/** pending: with the managing unit; forwarded to the collective; declined: filed as 不转发 with a reason. */
export const REPORT_STATUSES = ['pending', 'forwarded', 'declined'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { pending: '待管理单位处理', forwarded: '已转发集体', declined: '不转发' };

/** Letters and digits without look-alikes; 12 of them (≈ 59 bits) cannot be guessed within the redemption limits. */
export const INVITATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITATION_CODE_LENGTH = 12;

/** The page (client route mySupervision) an invitation link opens, with the code as `invite`. */
export const INVITATION_PAGE = 'events/supervision';

import type { ErrorSpec } from './spec';

/** Error codes of filing, review and a collective's lifecycle (issue #3). */
export const FILING_ERRORS = {
  /** The campaign's filing window has closed (China time): filing and resubmission are refused; reviewers may still decide. */
  FILING_WINDOW_CLOSED: { status: 409, message: '本届报备已截止，不能再保存或提交' },
  /** The campaign's filing window has not opened yet. */
  FILING_WINDOW_NOT_OPEN: { status: 409, message: '本届报备尚未开始' },
  /** Submit found missing or invalid fields, or unmet conditions; `fields` lists every one. */
  FILING_INCOMPLETE: { status: 400, message: '报备信息不完整或不符合条件，请按提示逐项修改' },
  /** The filing is with the reviewers (or decided) and cannot be edited now. */
  FILING_NOT_EDITABLE: { status: 409, message: '报备已提交审核，当前不能修改' },
  /** The filing is not at a stage the caller's level decides, or the decision does not fit the stage. */
  NOT_YOUR_STAGE: { status: 403, message: '该报备当前不在您的审核环节' },
  /** The collective was closed (restructured) or its eligibility revoked. */
  COLLECTIVE_INACTIVE: { status: 409, message: '该集体已关闭或已取消创建资格' },
  /** A transfer's code and former name do not identify one collective. */
  TRANSFER_MISMATCH: { status: 404, message: '原用户名与前次报备名称不符，请核对后重试' },
  /** The collective lies outside the caller's scope: only a request its branch's level-1 admin (or the office) approves can move it. */
  TRANSFER_NEEDS_APPROVAL: { status: 403, message: '该集体不在您的管理范围内，不能直接接收：请提交转移申请，由其所在一级单位管理员或组委会办公室审批' },
  /** A transfer request for this collective is already waiting for a decision. */
  TRANSFER_PENDING: { status: 409, message: '该集体已有待审批的转移申请' },
  /** The one-time password of a transferred collective's new account was shown once already. */
  TRANSFER_PASSWORD_ISSUED: { status: 409, message: '新用户名的初始密码已领取过；如已遗失，请在帐号管理中重置密码' },
  /** A revocation request for this filing is already waiting for the office. */
  REVOCATION_PENDING: { status: 409, message: '该集体已有待审定的取消创建资格申请' },
  /** The quota file could not be read. */
  QUOTA_FILE_INVALID: { status: 400, message: '名额分配表无法读取，请使用模板格式（xlsx 或 csv）' },
} as const satisfies Record<string, ErrorSpec>;

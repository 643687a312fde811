import type { ErrorSpec } from './spec';

/** Error codes of the management function (issue #14). */
export const MANAGEMENT_ERRORS = {
  /** An uploaded attachment is not the JPEG, PNG or PDF it claims to be (by its leading bytes). */
  ATTACHMENT_INVALID: { status: 400, message: '附件：请上传 JPEG、PNG 图片或 PDF 文件' },
  /** A ledger entry names an attachment that was not uploaded for this unit's ledger. */
  ATTACHMENT_NOT_UPLOADED: { status: 400, message: '附件：请通过“添加附件”上传' },
} as const satisfies Record<string, ErrorSpec>;

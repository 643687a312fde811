import type { ErrorSpec } from './spec';

/** Error codes of the management function (issue #14). */
export const MANAGEMENT_ERRORS = {
  /** An uploaded attachment is not the JPEG, PNG or PDF it claims to be (by its leading bytes). */
  ATTACHMENT_INVALID: { status: 400, message: '附件：请上传 JPEG、PNG 图片或 PDF 文件' },
  /** A ledger entry names an attachment that was not uploaded for this unit's ledger. */
  ATTACHMENT_NOT_UPLOADED: { status: 400, message: '附件：请通过“添加附件”上传' },
  /** A campaign's term has one 考评 round. */
  ASSESSMENT_EXISTS: { status: 409, message: '该创建工作已开启考评' },
  /** Points are fixed once the office records the first score. */
  ASSESSMENT_SCORING_STARTED: { status: 409, message: '已开始评分，分值不能再调整' },
  /** A published round takes no more reports or scores; a score changes only by a correction. */
  ASSESSMENT_PUBLISHED: { status: 409, message: '考评结果已发布，不能再修改；如需更正得分，请使用“更正”' },
  /** A correction is for a published score. */
  ASSESSMENT_NOT_PUBLISHED: { status: 409, message: '考评结果尚未发布，请直接评分' },
  /** Only level-1 units are assessed. */
  ASSESSMENT_NOT_ASSESSED: { status: 400, message: '单位：只有一级单位参加考评' },
  /** A score above the item's points, or on an item the unit is not assessed on. */
  ASSESSMENT_SCORE_INVALID: { status: 400, message: '得分：超出该项分值' },
} as const satisfies Record<string, ErrorSpec>;

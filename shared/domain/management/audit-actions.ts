/** Audited actions of the management function (issue #14), as readers see them. */
export const MANAGEMENT_AUDIT_ACTIONS = {
  'management.recordLedgerEntry': '记录五个一工作台账',
  'management.removeLedgerEntry': '删除五个一工作台账记录',
  'management.openAssessment': '开启考评',
  'management.setAssessmentPoints': '调整考评分值',
  'management.submitAssessmentReport': '提交考评情况报告并确认台账',
  'management.scoreAssessmentItem': '考评评分',
  'management.publishAssessment': '发布考评结果',
  'management.correctAssessmentScore': '更正考评得分',
} as const;

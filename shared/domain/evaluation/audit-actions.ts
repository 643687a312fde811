/** Audited actions of public evaluation and the 三亮 page (issue #12), as readers see them. */
export const EVALUATION_AUDIT_ACTIONS = {
  'evaluation.updatePublicPage': '修改三亮主页（公开承诺、地址、服务时间）',
  'evaluation.setComplaintChannel': '设置投诉渠道',
  'evaluation.setAspectTags': '设置评价方面标签',
  'evaluation.replyToCase': '答复差评（整改或说明）',
  'evaluation.escalateCase': '差评逾期未答复，转管理单位',
  'evaluation.appeal': '集体对评价提出申诉',
  'evaluation.upholdAppeal': '申诉成立，评价不计入',
  'evaluation.rejectAppeal': '申诉不成立',
  'evaluation.upholdComplaint': '核实投诉属实并答复',
  'evaluation.rejectComplaint': '核实投诉不属实并答复',
  'evaluation.recordRectification': '记录属实投诉的整改情况',
  'evaluation.setFollowUpPeriod': '设置差评回访和投诉答复期限',
  'evaluation.chaseComplaint': '投诉逾期未答复，催办管理单位',
  'evaluation.escalateComplaint': '投诉逾期仍未答复，转一级单位督办',
  'evaluation.countReviewed': '审核待审评价：计入（评价内容公开）',
  'evaluation.excludeReviewed': '审核待审评价：不计入',
} as const satisfies Record<string, string>;

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
  'evaluation.appointSupervisor': '聘任社会监督员（发出邀请码）',
  'evaluation.redeemInvitation': '社会监督员接受邀请',
  'evaluation.revokeSupervisor': '撤销社会监督员',
  'evaluation.forwardReport': '将明察暗访报告转发集体',
  'evaluation.declineReport': '明察暗访报告不转发',
} as const satisfies Record<string, string>;

/** Audited actions of the creation log (issue #13), as readers see them. */
export const CREATIONLOG_AUDIT_ACTIONS = {
  'creationlog.createEntry': '新建创建工作动态',
  'creationlog.submitEntry': '提交创建日志',
  'creationlog.discardDraft': '删除创建工作动态草稿',
  'creationlog.readEntry': '阅读创建日志（已阅）',
  'creationlog.addGuidance': '对创建日志提出指导意见',
  'creationlog.approveVideo': '审核通过创建日志的视频',
  'creationlog.setPublic': '公开或撤回创建日志',
  'creationlog.mediaVerdict': '图片内容安全检查结果：公开或未能公开创建日志',
  'creationlog.setCategories': '设置创建日志类别',
} as const satisfies Record<string, string>;

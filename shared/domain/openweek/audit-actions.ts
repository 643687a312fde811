/** Audited actions of open-week events and signups (issue #4), as readers see them. */
export const OPENWEEK_AUDIT_ACTIONS = {
  'openweek.createEvent': '创建开放周活动',
  'openweek.updateEvent': '修改开放周活动',
  'openweek.publishEvent': '发布开放周活动',
  'openweek.cancelEvent': '取消开放周活动',
  'openweek.finishEvent': '开放周活动结束并记录总结',
  'openweek.hideEvent': '屏蔽开放周活动',
  'openweek.signUp': '公众报名',
  'openweek.cancelSignup': '公众取消报名',
  'openweek.promote': '候补递补',
  'openweek.approveSignup': '通过报名',
  'openweek.rejectSignup': '拒绝报名',
  'openweek.checkIn': '签到',
} as const satisfies Record<string, string>;

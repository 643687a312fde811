import { FILING_AUDIT_ACTIONS } from './filing/audit-actions';
import { OPENWEEK_AUDIT_ACTIONS } from './openweek/audit-actions';
import { CREATIONLOG_AUDIT_ACTIONS } from './creationlog/audit-actions';
import { MANAGEMENT_AUDIT_ACTIONS } from './management/audit-actions';
import { EVALUATION_AUDIT_ACTIONS } from './evaluation/audit-actions';

/** Every audited action and how a reader sees it; each feature lists its own in its folder. */
export const AUDIT_ACTIONS = {
  'account.signIn': '登录',
  'account.signOut': '退出登录',
  'account.bindWechat': '绑定微信',
  'account.unbindWechat': '微信改为登录其他帐号，解除绑定',
  'account.changePassword': '修改密码',
  'account.setRecoveryEmail': '设置保密邮箱',
  'account.resetPasswordByLink': '通过邮件链接重置密码',
  'account.lockedByFailures': '密码连续错误被临时锁定',
  'admin.createUnit': '新建管理单位',
  'admin.createAccount': '派发用户名',
  'admin.resetPassword': '重置密码',
  'admin.lockAccount': '锁定帐号',
  'admin.unlockAccount': '解锁帐号',
  'admin.cancelAccount': '注销用户名',
  'admin.unbindWechat': '解除微信绑定',
  'system.seedDemo': '载入演示数据',
  ...FILING_AUDIT_ACTIONS,
  ...OPENWEEK_AUDIT_ACTIONS,
  ...CREATIONLOG_AUDIT_ACTIONS,
  ...MANAGEMENT_AUDIT_ACTIONS,
  ...EVALUATION_AUDIT_ACTIONS,
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

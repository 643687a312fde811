import { z } from 'zod';
import { defineAction } from './define';
import { email, id, oneOf, optionalText, page, pageInput, text } from './fields';
import { accountView, auditView, unitView } from './views';
import { ADMINS, ISSUERS } from '../domain/roles';

const accountTarget = z.object({ accountId: id('帐号') });
const reason = text('原因', { min: 2, max: 200 });
const oneTimePassword = z.object({ account: accountView, oneTimePassword: z.string() });

/** The `admin` function: the unit tree and the accounts in it, for the office and admins. */
export const admin = {
  listUnits: defineAction({
    summary: '下级管理单位（分页）；不传 parentId 时为本单位',
    input: z.object({ parentId: id('上级单位').optional(), ...pageInput }),
    output: page(unitView).extend({ parent: unitView, ancestors: z.array(unitView) }),
    roles: ADMINS,
  }),
  createUnit: defineAction({
    summary: '新建下级管理单位（最多三级）；一级单位须选择行业或地方归口',
    input: z.object({
      parentId: id('上级单位'),
      name: text('单位名称', { min: 2, max: 40 }),
      kind: oneOf('归口类型', ['industry', 'region']).optional(),
    }),
    output: z.object({ unit: unitView }),
    roles: ISSUERS,
  }),
  createAccount: defineAction({
    summary: '派发用户名（编码）：为本辖区的管理员或集体生成帐号和一次性初始密码',
    input: z.object({
      unitId: id('所属单位'),
      role: oneOf('帐号类型', ['admin', 'collective']),
      name: text('名称', { min: 2, max: 60 }),
      recoveryEmail: email('保密邮箱').optional(),
    }),
    output: oneTimePassword,
    roles: ISSUERS,
  }),
  listAccounts: defineAction({
    summary: '查询本辖区帐号（按单位子树、类型、状态、用户名或名称筛选，分页）',
    input: z.object({
      unitId: id('单位').optional(),
      role: oneOf('帐号类型', ['office', 'admin', 'collective']).optional(),
      status: oneOf('状态', ['active', 'locked', 'cancelled']).optional(),
      q: optionalText('搜索', 40),
      ...pageInput,
    }),
    output: page(accountView),
    roles: ADMINS,
  }),
  getAccount: defineAction({
    summary: '查看本辖区内一个帐号',
    input: accountTarget,
    output: z.object({ account: accountView }),
    roles: ADMINS,
  }),
  resetPassword: defineAction({
    summary: '重置密码：生成新的一次性初始密码，持有人下次登录须修改',
    input: accountTarget,
    output: oneTimePassword,
    roles: ISSUERS,
  }),
  lockAccount: defineAction({
    summary: '锁定帐号（暂停登录）',
    input: accountTarget.extend({ reason }),
    output: z.object({ account: accountView }),
    roles: ISSUERS,
  }),
  unlockAccount: defineAction({
    summary: '解锁帐号（含密码错误导致的临时锁定）',
    input: accountTarget,
    output: z.object({ account: accountView }),
    roles: ISSUERS,
  }),
  cancelAccount: defineAction({
    summary: '注销用户名：不能再登录，历史记录保留（由组委会办公室审定）',
    input: accountTarget.extend({ reason }),
    output: z.object({ account: accountView }),
    roles: ['office'],
  }),
  unbindWechat: defineAction({
    summary: '解除帐号与微信的绑定',
    input: accountTarget,
    output: z.object({ account: accountView }),
    roles: ISSUERS,
  }),
  listAudit: defineAction({
    summary: '操作记录：本辖区内的每一项管理决定（分页，最新在前）',
    input: z.object({ objectId: id('对象').optional(), ...pageInput }),
    output: page(auditView),
    roles: ADMINS,
  }),
};

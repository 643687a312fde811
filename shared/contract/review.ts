import { z } from 'zod';
import { defineAction } from './define';
import { id, oneOf, optionalText, page, pageInput, text } from './fields';
import { duplicateView, filingSummaryView, filingView, revocationView, TRANSFER_REQUEST_STATUSES, transferRequestView } from './filing-views';
import { FILING_STATUSES } from '../domain/filing/status';
import { TITLE_LEVELS } from '../domain/filing/rules';
import { ADMINS, ISSUERS } from '../domain/roles';
import { accountView } from './views';

/** Filing ids are `${campaignId}:${collectiveId}`: longer than other ids. */
const filingIdField = z.string({ error: '报备：缺少' }).min(1, '报备：缺少').max(140, '报备：格式不正确');
const filingTarget = { filingId: filingIdField, version: z.number({ error: '版本：缺少' }).int() };
const issued = z.object({ account: accountView, oneTimePassword: z.string() });
const transferInput = z.object({
  code: text('原用户名', { min: 4, max: 20 }),
  name: text('前次报备名称', { min: 2, max: 60 }),
  toUnitId: id('接收单位'),
  reason: text('原因', { min: 2, max: 200 }),
});

/** The `review` function: the admins' side — queue, decisions, a collective's lifecycle, exports. */
export const review = {
  listQueue: defineAction({
    summary: '审核队列：本辖区（或其中某单位子树）的报备，可按状态、归口、往届称号、名称筛选，游标分页，含各状态数量',
    input: z.object({
      campaignId: id('创建工作'),
      unitId: id('单位').optional(),
      status: oneOf('状态', FILING_STATUSES).optional(),
      /** Only filings waiting for the caller's own opinion. */
      awaitingMe: z.boolean().optional(),
      category: oneOf('归口', ['industry', 'region']).optional(),
      priorTitle: oneOf('往届称号', ['none', ...TITLE_LEVELS]).optional(),
      q: optionalText('名称', 40),
      sort: oneOf('排序', ['recent', 'oldest']).default('recent'),
      ...pageInput,
    }),
    output: page(filingSummaryView).extend({ counts: z.record(z.string(), z.number()) }),
    roles: ADMINS,
  }),
  getFiling: defineAction({
    summary: '查看一份报备：档案、计划、事迹、条件检查、审核意见和历史',
    input: z.object({ filingId: filingIdField }),
    output: z.object({ filing: filingView, canDecide: z.array(z.enum(['passUp', 'sendBack', 'approve', 'return', 'endorse'])) }),
    roles: ADMINS,
  }),
  decide: defineAction({
    summary: '审核决定：三级、二级管理员初审（报上级 / 退回），一级管理员审核（通过为创建集体 / 退回并书面反馈）',
    input: z
      .object({ ...filingTarget, decision: oneOf('审核决定', ['passUp', 'sendBack', 'approve', 'return']), comment: text('审核意见', { min: 2, max: 500 }) }),
    output: z.object({ filing: filingView }),
    roles: ['admin1', 'admin2', 'admin3'],
  }),
  recordOfficeOpinion: defineAction({
    summary: '组委会办公室对创建集体记录市青工委意见',
    input: z.object({ ...filingTarget, comment: text('市青工委意见', { min: 2, max: 500 }) }),
    output: z.object({ filing: filingView }),
    roles: ['office'],
  }),
  renameCollective: defineAction({
    summary: '集体名称改变：修改名称，原名称保留为曾用名称',
    input: z.object({ collectiveId: id('集体'), name: text('新名称', { min: 2, max: 60 }), reason: text('变更说明', { min: 2, max: 200 }) }),
    output: z.object({ filing: filingView.nullable(), possibleDuplicates: z.array(duplicateView) }),
    roles: ISSUERS,
  }),
  transferCollective: defineAction({
    summary: '归口平台选错（同一辖区内）：管理范围同时覆盖集体现归口单位和接收单位的管理员，凭原用户名和前次报备名称直接接收，重新设置用户名，原用户名注销；跨辖区须提交转移申请',
    input: transferInput,
    output: issued.extend({ collectiveId: z.string(), possibleDuplicates: z.array(duplicateView) }),
    roles: ISSUERS,
  }),
  requestTransfer: defineAction({
    summary: '跨辖区转移申请：接收方凭原用户名和前次报备名称申请，由集体所在一级单位管理员或组委会办公室审批',
    input: transferInput,
    output: z.object({ request: transferRequestView }),
    roles: ISSUERS,
  }),
  decideTransfer: defineAction({
    summary: '审批转移申请：批准则集体转入接收单位并派发新用户名（初始密码由接收方领取），原用户名注销；驳回须说明理由',
    input: z.object({ requestId: id('申请'), approve: z.boolean(), comment: text('审批意见', { min: 2, max: 200 }) }),
    output: z.object({ request: transferRequestView }),
    roles: ISSUERS,
  }),
  listTransferRequests: defineAction({
    summary: '转移申请（最新在前）：incoming 为本辖区集体被申请转出，outgoing 为转入本辖区的申请',
    input: z.object({ side: oneOf('方向', ['incoming', 'outgoing']), status: oneOf('状态', TRANSFER_REQUEST_STATUSES).optional(), ...pageInput }),
    output: page(transferRequestView),
    roles: ISSUERS,
  }),
  issueTransferPassword: defineAction({
    summary: '领取已批准转移的新用户名和初始密码：接收方一次性查看',
    input: z.object({ requestId: id('申请') }),
    output: issued.extend({ request: transferRequestView }),
    roles: ISSUERS,
  }),
  restructureCollective: defineAction({
    summary: '合并或成员一次性变动超过50%：原集体记录关闭（不删除），新集体重新开始创建，派发新用户名',
    input: z.object({ collectiveId: id('集体'), newName: text('新集体名称', { min: 2, max: 60 }), reason: text('原因', { min: 2, max: 200 }) }),
    output: issued.extend({ collectiveId: z.string() }),
    roles: ISSUERS,
  }),
  requestRevocation: defineAction({
    summary: '申请取消创建资格（工作严重滑坡、重大事故、违法违纪），由组委会办公室审定',
    input: z.object({ filingId: filingIdField, reasons: text('理由', { min: 5, max: 500 }) }),
    output: z.object({ revocation: revocationView }),
    roles: ADMINS,
  }),
  decideRevocation: defineAction({
    summary: '组委会办公室审定取消创建资格：批准则取消资格、注销用户名并告知集体',
    input: z.object({ revocationId: id('申请'), approve: z.boolean(), comment: text('审定意见', { min: 2, max: 500 }) }),
    output: z.object({ revocation: revocationView }),
    roles: ['office'],
  }),
  listRevocations: defineAction({
    summary: '取消创建资格申请（本辖区，最新在前）',
    input: z.object({ status: oneOf('状态', ['pending', 'approved', 'rejected']).optional(), ...pageInput }),
    output: page(revocationView),
    roles: ADMINS,
  }),
  exportStatistics: defineAction({
    summary: '导出报备统计表（附件3）xlsx：本辖区或其中某单位子树内已报备的集体',
    input: z.object({ campaignId: id('创建工作'), unitId: id('单位').optional() }),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number() }),
    roles: ADMINS,
  }),
};

import { z } from 'zod';
import { defineAction } from './define';
import { id, oneOf, text, whenValid } from './fields';
import { campaignView, quotaView } from './filing-views';
import { isChinaDate } from '../domain/filing/window';
import { DEFAULT_TARGET_MULTIPLIER } from '../domain/management/progress';
import { ADMINS } from '../domain/roles';
import { MAX_QUOTA_FILE_BASE64 } from './limits';

const chinaDate = (label: string) =>
  z.string({ error: `${label}：请填写` }).trim().refine(isChinaDate, `${label}：请按 2019-01-20 的格式填写日期`);

const count = (label: string, min: number, max: number) =>
  z.number({ error: `${label}：请填写数字` }).min(min, `${label}：不能小于${min}`).max(max, `${label}：不能大于${max}`);

export const campaignRulesInput = z
  .object({
    filingOpens: chinaDate('报备开始日期'),
    filingClosesBefore: chinaDate('报备截止日期（此日0时起截止）'),
    minMembers: count('最少成员人数', 1, 10000).int(),
    maxMembers: count('最多成员人数', 1, 100000).int(),
    minShareUnder35: count('35周岁以下成员最低比例', 0, 1),
    maxLeaderAge: count('负责人最高年龄', 16, 80).int(),
    eligibility: oneOf('申报资格', ['none', 'priorTitle']),
    titleBefore: chinaDate('往届称号截止日期').optional(),
    provincialSinceYear: count('最近一届省级称号年度', 1994, 2100).int().optional(),
    reminderDaysBefore: count('截止前提醒天数', 0, 60).int().default(3),
    targetMultiplier: count('报备目标倍数', 1, 100).default(DEFAULT_TARGET_MULTIPLIER),
  })
  .superRefine((v, ctx) => {
    if (v.filingOpens >= v.filingClosesBefore) ctx.addIssue({ code: 'custom', path: ['filingClosesBefore'], message: '报备截止日期（此日0时起截止）：须晚于开始日期' });
  }, whenValid(['filingOpens', 'filingClosesBefore']))
  .superRefine((v, ctx) => {
    if (v.minMembers > v.maxMembers) ctx.addIssue({ code: 'custom', path: ['maxMembers'], message: '最多成员人数：不能少于最少成员人数' });
  }, whenValid(['minMembers', 'maxMembers']))
  .superRefine((v, ctx) => {
    if (v.eligibility === 'priorTitle' && !v.titleBefore) ctx.addIssue({ code: 'custom', path: ['titleBefore'], message: '往届称号截止日期：按往届称号审核资格时必填' });
    if (v.eligibility === 'priorTitle' && !v.provincialSinceYear) ctx.addIssue({ code: 'custom', path: ['provincialSinceYear'], message: '最近一届省级称号年度：按往届称号审核资格时必填' });
  }, whenValid(['eligibility', 'titleBefore', 'provincialSinceYear']));

/** The `campaign` function: campaigns, their rules and quota tables, configured by the office. */
export const campaign = {
  listCampaigns: defineAction({
    summary: '创建工作列表（最新在前），含报备时间窗口及其状态',
    input: z.object({}),
    output: z.object({ items: z.array(campaignView) }),
    roles: ['office', 'admin1', 'admin2', 'admin3', 'collective'],
  }),
  createCampaign: defineAction({
    summary: '新建创建工作（届次、层级、报备时间窗口、基本条件、申报资格）',
    input: z.object({
      name: text('创建工作名称', { min: 4, max: 60 }),
      level: oneOf('层级', ['national', 'provincial', 'city', 'county']),
      term: z.string().trim().regex(/^\d{4}—\d{4}$/, '届次：请按 2017—2018 的格式填写'),
      rules: campaignRulesInput,
    }),
    output: z.object({ campaign: campaignView }),
    roles: ['office'],
  }),
  updateCampaign: defineAction({
    summary: '修改创建工作的规则（以读取时的版本为准，他人已修改则拒绝）',
    input: z.object({ campaignId: id('创建工作'), version: z.number().int(), rules: campaignRulesInput }),
    output: z.object({ campaign: campaignView }),
    roles: ['office'],
  }),
  importQuotas: defineAction({
    summary: '导入名额分配表（xlsx 或 csv）：列为 单位名称、名额 或 基数、应完成网络创建数；按一级单位名称匹配',
    input: z.object({
      campaignId: id('创建工作'),
      fileName: z.string().trim().regex(/\.(xlsx|csv)$/i, '文件：请选择 xlsx 或 csv 文件'),
      /** The file's bytes, base64. */
      content: z.string({ error: '文件：请选择' }).min(1, '文件：内容为空').max(MAX_QUOTA_FILE_BASE64, '文件：不能超过1.5MB'),
    }),
    output: z.object({
      imported: z.number(),
      /** Rows naming no level-1 unit, with their row number. */
      unmatched: z.array(z.object({ row: z.number(), name: z.string() })),
    }),
    roles: ['office'],
  }),
  listQuotas: defineAction({
    summary: '名额分配表：本辖区一级单位的名额及报备、创建集体数',
    input: z.object({ campaignId: id('创建工作') }),
    output: z.object({ items: z.array(quotaView) }),
    roles: ADMINS,
  }),
};

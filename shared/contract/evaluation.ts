import { z } from 'zod';
import { defineAction } from './define';
import { email, id, imageUpload, oneOf, optionalText, page, pageInput, text, whenValid } from './fields';
import { ADMINS } from '../domain/roles';
import { APPEAL_GROUNDS, HANDLING_RATINGS, MAX_COMMENT_LENGTH, MAX_EVALUATION_PHOTOS, MAX_FOLLOW_UP_WORKING_DAYS, MAX_TAGS, MIN_FOLLOW_UP_WORKING_DAYS, REPLY_KINDS } from '../domain/evaluation/rules';
import { COMPLAINT_CATEGORIES, COMPLAINT_VERDICTS, MAX_COMPLAINT_LENGTH } from '../domain/evaluation/complaints';
import {
  appealView,
  myComplaintView,
  unitComplaintView,
  caseView,
  escalatedCaseView,
  evaluationFormView,
  evaluationSummaryView,
  evaluationView,
  myEvaluationView,
  ownPublicPageView,
  posterView,
  publicPageView,
  evaluationReviewView,
  collectiveComplaintView,
  unitStatisticsView,
} from './evaluation-views';
import { publicEntryView } from './creationlog-views';
import { publicCode, ratingField, tagsField } from './evaluation-fields';
import { supervision } from './evaluation-supervision';

/** The page of a collective, by its public code or by the id its open-week events carry. */
const pageTarget = z
  .object({ code: publicCode.optional(), collectiveId: id('集体').optional() })
  .superRefine((value, ctx) => {
    if ((value.code === undefined) === (value.collectiveId === undefined)) ctx.addIssue({ code: 'custom', path: ['code'], message: '集体编号：请指定一个集体' });
  }, whenValid(['code', 'collectiveId']));

/** 综合点评 of a collective by its public code, or 一次一评 of a checked-in signup. */
const evaluationTarget = {
  code: publicCode.optional(),
  signupId: id('报名').optional(),
};

function oneTarget(value: { code?: string; signupId?: string }, ctx: z.RefinementCtx): void {
  if ((value.code === undefined) === (value.signupId === undefined)) ctx.addIssue({ code: 'custom', path: ['code'], message: '评价对象：请指定集体或一次报名' });
}

export const evaluateInput = z
  .object({
    ...evaluationTarget,
    rating: ratingField,
    tags: tagsField,
    comment: optionalText('评价内容', MAX_COMMENT_LENGTH),
    /** Addresses `uploadPhoto` answered this visitor. */
    photos: z.array(z.string().max(500), { error: '照片：格式不正确' }).max(MAX_EVALUATION_PHOTOS, `照片：最多${MAX_EVALUATION_PHOTOS}张`).default([]),
  })
  .superRefine(oneTarget, whenValid(['code', 'signupId']));

export const publicPageInput = z.object({
  commitment: optionalText('公开承诺', 1000),
  address: optionalText('服务地址', 120),
  serviceHours: optionalText('服务时间', 100),
  version: z.number().int(),
});

export const replyInput = z.object({
  caseId: id('差评'),
  kind: oneOf('答复方式', REPLY_KINDS),
  text: text('答复内容', { min: 5, max: 1000 }),
});

export const appealInput = z.object({
  evaluationId: id('评价'),
  ground: oneOf('申诉理由', APPEAL_GROUNDS),
  reasons: text('申诉说明', { min: 10, max: 500 }),
});

export const decideAppealInput = z.object({
  appealId: id('申诉'),
  uphold: z.boolean({ error: '决定：请选择' }),
  comment: text('复核意见', { min: 2, max: 500 }),
});

const phone = z
  .string({ error: '投诉电话：格式不正确' })
  .trim()
  .regex(/^[0-9+\-() ]{7,20}$/, '投诉电话：请填写有效的电话号码')
  .optional();

export const complainInput = z.object({
  code: publicCode,
  category: oneOf('投诉类别', COMPLAINT_CATEGORIES),
  text: text('投诉内容', { min: 5, max: MAX_COMPLAINT_LENGTH }),
  phone: z
    .string({ error: '联系电话：格式不正确' })
    .trim()
    .regex(/^[0-9+\-() ]{7,20}$/, '联系电话：请填写有效的电话号码')
    .optional(),
});

export const respondToComplaintInput = z.object({
  complaintId: id('投诉'),
  verdict: oneOf('核实结果', COMPLAINT_VERDICTS),
  text: text('答复内容', { min: 5, max: 1000 }),
  /** Only for an upheld complaint: what the collective is asked to put right. */
  rectificationRequest: optionalText('整改要求', 500),
});

const followUpPeriodView = z.object({ campaignId: z.string(), workingDays: z.number().int(), isDefault: z.boolean() });

/** The `evaluation` function: the 三亮 page and public evaluation (issue #12). */
const unitStatisticsInput = z.object({
  campaignId: id('创建工作'),
  /** The unit whose child units are the rows (default: the caller's own unit); inside the caller's subtree. */
  unitId: id('单位').optional(),
});

export const evaluation = {
  publicPage: defineAction({
    summary: '三亮主页：创建标识、名称与曾用名称、归口、地址与服务时间、公开承诺、投诉渠道、评价结果和第一页公开评价',
    input: pageTarget,
    output: publicPageView,
    roles: ['public'],
  }),
  comments: defineAction({
    summary: '集体的公开评价（通过内容安全检查的，新的在前），按页',
    input: z.object({ code: publicCode, ...pageInput }),
    output: page(evaluationView),
    roles: ['public'],
  }),
  publicEntries: defineAction({
    summary: '集体公开的创建日志（新的在前），按页',
    input: z.object({ code: publicCode, ...pageInput }),
    output: page(publicEntryView),
    roles: ['public'],
  }),
  evaluationForm: defineAction({
    summary: '评价表：评价对象、评价方面标签，以及本人已有的评价（一次一评：这次报名的；综合点评：本月的）',
    input: z.object(evaluationTarget).superRefine(oneTarget, whenValid(['code', 'signupId'])),
    output: evaluationFormView,
    roles: ['public'],
  }),
  uploadPhoto: defineAction({
    summary: `上传一张评价照片（JPEG 或 PNG，约650KB以内，每次评价最多${MAX_EVALUATION_PHOTOS}张）；评价时以返回的地址引用，通过内容安全检查后随评价公开`,
    input: z.object(imageUpload('照片')),
    output: z.object({ url: z.string() }),
    roles: ['public'],
  }),
  evaluate: defineAction({
    summary: '评价：签到后对一次活动一次一评，或在三亮主页综合点评（每人每月对每个集体一次，同月再评替换上次）',
    input: evaluateInput,
    output: z.object({ evaluation: myEvaluationView, replaced: z.boolean() }),
    roles: ['public'],
  }),
  myEvaluations: defineAction({
    summary: '我的评价（新的在前）',
    input: z.object(pageInput),
    output: page(myEvaluationView),
    roles: ['public'],
  }),
  collectiveEvaluations: defineAction({
    summary: '本集体收到的评价与评价结果（不含评价人身份）',
    input: z.object(pageInput),
    output: z.object({ summary: evaluationSummaryView, items: z.array(evaluationView), nextCursor: z.string().nullable() }),
    roles: ['collective'],
  }),
  ownPublicPage: defineAction({
    summary: '本集体三亮主页的可编辑内容：公开承诺、服务地址、服务时间，以及公开编号',
    input: z.object({}),
    output: ownPublicPageView,
    roles: ['collective'],
  }),
  posterOf: defineAction({
    summary: '三亮主页二维码海报：创建标识、名称、公开承诺和小程序码（本集体，或辖区内集体的管理员按公开编号）',
    input: z.object({ code: publicCode.optional() }),
    output: posterView,
    roles: ['collective', ...ADMINS],
  }),
  updatePublicPage: defineAction({
    summary: '修改本集体的公开承诺、服务地址和服务时间（经内容安全检查）',
    input: publicPageInput,
    output: ownPublicPageView,
    roles: ['collective'],
  }),
  collectiveCases: defineAction({
    summary: '本集体的差评回访：待处理的（按截止时间）或已答复的',
    input: z.object({ status: oneOf('状态', ['open', 'answered']).default('open'), ...pageInput }),
    output: page(caseView),
    roles: ['collective'],
  }),
  replyToCase: defineAction({
    summary: '答复一条差评：整改或说明（经内容安全检查）；评价人在“我的评价”中看到',
    input: replyInput,
    output: z.object({ case: caseView }),
    roles: ['collective'],
  }),
  rateHandling: defineAction({
    summary: '评价人对差评的处理结果评价一次（满意 / 基本满意 / 不满意），在集体答复之后',
    input: z.object({ evaluationId: id('评价'), rating: oneOf('处理结果评价', HANDLING_RATINGS) }),
    output: z.object({ evaluation: myEvaluationView }),
    roles: ['public'],
  }),
  escalatedCases: defineAction({
    summary: '辖区内转来的差评：逾期未答复或评价人对处理结果不满意的（新的在前）',
    input: z.object(pageInput),
    output: page(escalatedCaseView),
    roles: ADMINS,
  }),
  appeal: defineAction({
    summary: '集体对一条评价提出申诉（误评或恶意评价），由一级管理员复核；每条评价一次',
    input: appealInput,
    output: z.object({ appeal: appealView }),
    roles: ['collective'],
  }),
  appeals: defineAction({
    summary: '申诉：集体看自己的；一级管理员看本行业或地方的，组委会办公室看全部（待复核的在前）',
    input: z.object({ status: oneOf('状态', ['pending', 'upheld', 'rejected']).default('pending'), ...pageInput }),
    output: page(appealView),
    roles: ['collective', 'office', 'admin1'],
  }),
  decideAppeal: defineAction({
    summary: '复核申诉：成立则该评价不计入（保留并注明原因），不成立则维持；均记录在案',
    input: decideAppealInput,
    output: z.object({ appeal: appealView }),
    roles: ['office', 'admin1'],
  }),
  complaintChannel: defineAction({
    summary: '管理单位公布的投诉电话和邮箱',
    input: z.object({ unitId: id('管理单位') }),
    output: z.object({ unitId: z.string(), unitName: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    roles: ADMINS,
  }),
  setComplaintChannel: defineAction({
    summary: '设置本单位（或辖区内单位）公布的投诉电话和邮箱；两项都不填即不公布',
    input: z.object({ unitId: id('管理单位'), phone, email: email('投诉邮箱').optional() }),
    output: z.object({ unitId: z.string(), unitName: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    roles: ADMINS,
  }),
  aspectTags: defineAction({
    summary: '创建活动的评价方面标签（未设置时为默认标签）',
    input: z.object({ campaignId: id('创建活动') }),
    output: z.object({ campaignId: z.string(), tags: z.array(z.string()), isDefault: z.boolean() }),
    roles: ['office'],
  }),
  setAspectTags: defineAction({
    summary: '设置创建活动的评价方面标签（1—10项，每项不超过8个字）',
    input: z.object({
      campaignId: id('创建活动'),
      tags: z
        .array(z.string({ error: '评价方面：格式不正确' }).trim().min(1, '评价方面：不能为空').max(8, '评价方面：每项不超过8个字'), { error: '评价方面：请填写' })
        .min(1, '评价方面：至少1项')
        .max(MAX_TAGS, `评价方面：最多${MAX_TAGS}项`)
        .refine((tags) => new Set(tags).size === tags.length, '评价方面：不能重复'),
    }),
    output: z.object({ campaignId: z.string(), tags: z.array(z.string()), isDefault: z.boolean() }),
    roles: ['office'],
  }),
  complain: defineAction({
    summary: '在三亮主页投诉一个集体：由其管理单位核实答复；联系电话只给管理单位看',
    input: complainInput,
    output: z.object({ complaint: myComplaintView }),
    roles: ['public'],
  }),
  myComplaints: defineAction({
    summary: '我的投诉与管理单位的答复（新的在前）',
    input: z.object(pageInput),
    output: page(myComplaintView),
    roles: ['public'],
  }),
  unitComplaints: defineAction({
    summary: '辖区内集体收到的投诉：待核实的或已答复的（新的在前）',
    input: z.object({ status: oneOf('状态', ['pending', 'responded']).default('pending'), ...pageInput }),
    output: page(unitComplaintView),
    roles: ADMINS,
  }),
  respondToComplaint: defineAction({
    summary: '核实并答复一条投诉：属实（可要求集体整改）或不属实；记录在案',
    input: respondToComplaintInput,
    output: z.object({ complaint: unitComplaintView }),
    roles: ADMINS,
  }),
  recordRectification: defineAction({
    summary: '记录集体对一条属实投诉的整改情况',
    input: z.object({ complaintId: id('投诉'), text: text('整改情况', { min: 5, max: 1000 }) }),
    output: z.object({ complaint: unitComplaintView }),
    roles: ADMINS,
  }),
  followUpPeriod: defineAction({
    summary: '创建活动的差评回访和投诉答复期限（工作日；未设置时为默认5个工作日）',
    input: z.object({ campaignId: id('创建活动') }),
    output: followUpPeriodView,
    roles: ['office'],
  }),
  setFollowUpPeriod: defineAction({
    summary: '设置创建活动的差评回访和投诉答复期限（1—30个工作日）；已有的差评和投诉保留原截止时间',
    input: z.object({
      campaignId: id('创建活动'),
      workingDays: z
        .number({ error: '回访期限：请填写' })
        .int('回访期限：请填写整数')
        .min(MIN_FOLLOW_UP_WORKING_DAYS, `回访期限：至少${MIN_FOLLOW_UP_WORKING_DAYS}个工作日`)
        .max(MAX_FOLLOW_UP_WORKING_DAYS, `回访期限：最多${MAX_FOLLOW_UP_WORKING_DAYS}个工作日`),
    }),
    output: followUpPeriodView,
    roles: ['office'],
  }),
  evaluationReviews: defineAction({
    summary: '辖区内待审核的评价（高风险评价人的评价、审核中的评价内容）或已审核的（新的在前），不含评价人身份',
    input: z.object({ status: oneOf('状态', ['pending', 'decided']).default('pending'), ...pageInput }),
    output: page(evaluationReviewView),
    roles: ADMINS,
  }),
  decideEvaluationReview: defineAction({
    summary: '审核一条待审评价：计入（计入满意率、公开评价内容）或不计入（须写明原因）；记录在案',
    input: z
      .object({ evaluationId: id('评价'), count: z.boolean({ error: '审核结果：请选择' }), reason: optionalText('不计入原因', 200) })
      .superRefine((value, ctx) => {
        if (!value.count && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不计入原因：请填写' });
      }, whenValid(['count', 'reason'])),
    output: z.object({ review: evaluationReviewView }),
    roles: ADMINS,
  }),
  collectiveComplaints: defineAction({
    summary: '本集体经核实属实、被要求整改的投诉：管理单位的答复和整改要求，以及本集体报告的整改情况（新的在前）',
    input: z.object(pageInput),
    output: page(collectiveComplaintView),
    roles: ['collective'],
  }),
  rectifyComplaint: defineAction({
    summary: '集体报告一条属实投诉的整改情况（经内容安全检查），由管理单位确认或退回；退回后可重新报告',
    input: z.object({ complaintId: id('投诉'), text: text('整改情况', { min: 5, max: 1000 }) }),
    output: z.object({ complaint: collectiveComplaintView }),
    roles: ['collective'],
  }),
  reviewComplaintRectification: defineAction({
    summary: '管理单位确认集体报告的整改情况，或退回（须写明原因）；记录在案',
    input: z
      .object({ complaintId: id('投诉'), confirm: z.boolean({ error: '确认结果：请选择' }), comment: optionalText('退回原因', 500) })
      .superRefine((value, ctx) => {
        if (!value.confirm && !value.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回原因：请填写' });
      }, whenValid(['confirm', 'comment'])),
    output: z.object({ complaint: unitComplaintView }),
    roles: ADMINS,
  }),
  ...supervision,
  unitStatistics: defineAction({
    summary: '社会评价统计：所选单位（默认本单位）下每个直属单位的评价数、满意率、差评待回访与逾期、投诉、申诉，及近12个月趋势',
    input: unitStatisticsInput,
    output: unitStatisticsView,
    roles: ADMINS,
  }),
  exportUnitStatistics: defineAction({
    summary: '导出社会评价统计表（xlsx）：统计中各单位的一行及合计',
    input: unitStatisticsInput,
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number() }),
    roles: ADMINS,
  }),
};

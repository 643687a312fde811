import { z } from 'zod';
import { defineAction } from './define';
import { id, text } from './fields';
import { ASSESSMENT_ITEM_KINDS, ASSESSMENT_ITEM_NOS, REPORT_MAX_CHARS, reportChars } from '../domain/management/assessment';

/** 考评 (issue #14): the office opens, scores and publishes; each level-1 unit reports and reads its own sheet. */
const OFFICE_ONLY = '考评的开启、评分和发布仅限组委会办公室';
const ASSESSED = ['office', 'admin1'] as const;
const ASSESSED_ONLY = '考评仅向组委会办公室和一级管理员开放';

const itemNo = z.number({ error: '考评项目：缺少' }).int('考评项目：不存在').refine((no) => ASSESSMENT_ITEM_NOS.includes(no), '考评项目：不存在');
const points = (label: string) => z.number({ error: `${label}：请填写数字` }).min(0, `${label}：不能小于0`).max(100, `${label}：不能大于100`).multipleOf(0.5, `${label}：以0.5分为单位`);

export const assessmentItemView = z.object({
  no: z.number(),
  aspect: z.string(),
  name: z.string(),
  looksAt: z.string(),
  kind: z.enum(ASSESSMENT_ITEM_KINDS),
  max: z.number(),
});

export const assessmentRoundView = z.object({
  id: z.string(),
  campaignId: z.string(),
  term: z.string(),
  title: z.string(),
  items: z.array(assessmentItemView),
  status: z.enum(['open', 'published']),
  /** Once the first score is recorded the points are fixed. */
  scoringStarted: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type AssessmentRoundView = z.infer<typeof assessmentRoundView>;

/** One figure from the unit's own records; `entries` lists the ledger work behind a count (date and title). */
const factView = z.object({ label: z.string(), value: z.number().nullable(), unit: z.string(), entries: z.array(z.string()) });

export const evidenceView = z.object({
  /** When the figures were read: at the unit's submission, or now for a sheet not yet submitted. */
  asOf: z.string(),
  items: z.array(z.object({
    no: z.number(),
    facts: z.array(factView),
  })),
});
export type EvidenceView = z.infer<typeof evidenceView>;

const scoreView = z.object({ points: z.number(), note: z.string() });

export const assessmentSheetView = z.object({
  roundId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.enum(['industry', 'region', 'office']),
  report: z.string(),
  reportChars: z.number(),
  ledgerConfirmed: z.boolean(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  evidence: evidenceView,
  /** Items the unit is assessed on (a 行业 unit: not 1 and 6). */
  applicable: z.array(z.number()),
  /** Null for the unit before publication: scores and notes show once published. */
  scores: z.record(z.string(), scoreView).nullable(),
  total: z.object({ base: z.number(), scaledBase: z.number(), bonus: z.number(), deduction: z.number(), total: z.number() }).nullable(),
  version: z.number(),
  corrections: z.array(z.object({ version: z.number(), no: z.number(), from: scoreView.nullable(), to: scoreView, reason: z.string(), byName: z.string(), at: z.string() })),
});
export type AssessmentSheetView = z.infer<typeof assessmentSheetView>;

export const rankingRowView = z.object({
  rank: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.enum(['industry', 'region', 'office']),
  submitted: z.boolean(),
  scored: z.number(),
  base: z.number(),
  scaledBase: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  version: z.number(),
});
export type RankingRowView = z.infer<typeof rankingRowView>;

const roundInput = { roundId: id('考评') };
const scoreInput = z.object({
  ...roundInput,
  unitId: id('单位'),
  no: itemNo,
  points: points('得分'),
  note: text('评分说明', { max: 500 }),
});

export const assessmentActions = {
  openAssessment: defineAction({
    summary: '开启考评：为一项创建工作的届次开启考评，五个方面11项内容及默认分值',
    input: z.object({ campaignId: id('创建工作') }),
    output: z.object({ round: assessmentRoundView }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
  setAssessmentPoints: defineAction({
    summary: '调整考评各项分值（开始评分前）',
    input: z.object({
      ...roundInput,
      points: z.array(z.object({ no: itemNo, max: points('分值').min(0.5, '分值：不能小于0.5') })).min(1, '分值：请填写').max(11, '分值：最多11项'),
    }),
    output: z.object({ round: assessmentRoundView }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
  listAssessments: defineAction({
    summary: '考评列表（最新在前）',
    input: z.object({}),
    output: z.object({ items: z.array(assessmentRoundView) }),
    roles: ASSESSED,
    refusal: ASSESSED_ONLY,
  }),
  assessmentSheet: defineAction({
    summary: '一个一级单位的考评表：情况报告、台账确认、系统记录中的佐证；发布后含得分与说明（单位只能看本单位的）',
    input: z.object({ ...roundInput, unitId: id('单位').optional() }),
    output: z.object({ round: assessmentRoundView, sheet: assessmentSheetView }),
    roles: ASSESSED,
    refusal: ASSESSED_ONLY,
  }),
  submitAssessmentReport: defineAction({
    summary: `一级单位提交情况报告（${REPORT_MAX_CHARS}字以内，不计空白）并确认工作台账；系统佐证随之保存`,
    input: z.object({
      ...roundInput,
      report: z
        .string({ error: '情况报告：请填写' })
        .trim()
        .min(1, '情况报告：请填写')
        .refine((report) => reportChars(report) <= REPORT_MAX_CHARS, `情况报告：不能超过${REPORT_MAX_CHARS}字`),
      ledgerConfirmed: z.literal(true, { error: '工作台账：请确认本单位的工作台账' }),
    }),
    output: z.object({ sheet: assessmentSheetView }),
    roles: ['admin1'],
    refusal: '情况报告由一级管理员提交',
  }),
  scoreAssessmentItem: defineAction({
    summary: '为一个单位的一项考评内容评分并写明说明（发布前）',
    input: scoreInput,
    output: z.object({ sheet: assessmentSheetView }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
  publishAssessment: defineAction({
    summary: '发布考评结果：得分锁定，各单位可查看本单位考评表',
    input: z.object(roundInput),
    output: z.object({ round: assessmentRoundView }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
  correctAssessmentScore: defineAction({
    summary: '更正已发布的得分：生成新版本并写明理由',
    input: scoreInput.extend({ reason: text('更正理由', { min: 4, max: 200 }) }),
    output: z.object({ sheet: assessmentSheetView }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
  assessmentRanking: defineAction({
    summary: '考评排名：各一级单位的得分与名次（同分同名次）',
    input: z.object(roundInput),
    output: z.object({ round: assessmentRoundView, rows: z.array(rankingRowView) }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
  exportAssessment: defineAction({
    summary: '导出考评结果（xlsx）：统一格式的排名表与各项得分',
    input: z.object(roundInput),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number() }),
    roles: ['office'],
    refusal: OFFICE_ONLY,
  }),
};

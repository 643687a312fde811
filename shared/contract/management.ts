import { z } from 'zod';
import { defineAction } from './define';
import { id, oneOf, pageInput, text } from './fields';
import { campaignView } from './filing-views';
import { FILING_STATUSES } from '../domain/filing/status';
import { isChinaDate } from '../domain/filing/window';
import { FIVE_ONES } from '../domain/management/five-ones';
import { ADMINS } from '../domain/roles';
import { MAX_QUOTA_FILE_BASE64 } from './limits';
import { assessmentActions } from './management-assessment';

/** Who may see quota progress: the office (every level-1 unit) and level-1 admins (their own branch). */
const MANAGERS = ['office', 'admin1'] as const;
const MANAGERS_ONLY = '报备进度看板仅向组委会办公室和一级管理员开放';

const dashboardInput = z.object({
  campaignId: id('创建工作'),
  /** The unit whose subtree is shown, its child units as rows (default: the caller's own unit). */
  unitId: id('单位').optional(),
  /** Filings waiting at one stage longer than this many days are counted as overdue. */
  overdueDays: z.number({ error: '超期天数：请填写数字' }).int('超期天数：请填写整数').min(1, '超期天数：不能小于1').max(90, '超期天数：不能大于90').default(7),
});

/** Filings waiting longer than the chosen days, by the admin level whose review they wait for. */
const overdueView = z.object({ level1: z.number(), level2: z.number(), level3: z.number() });

export const dashboardRowView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(['office', 'industry', 'region']),
  level: z.number(),
  /** From the quota table: 名额, 基数, 应完成网络创建数 (null where the table gives none). */
  places: z.number().nullable(),
  base: z.number().nullable(),
  requiredFilings: z.number().nullable(),
  /** Collectives the unit should bring to 报备: the table's 应完成数, or base × the campaign's multiple; for a unit above several, their sum. */
  target: z.number().nullable(),
  targetSource: z.enum(['table', 'multiplier', 'sum']).nullable(),
  /** 报备: submitted filings, neither revoked nor closed. */
  filed: z.number(),
  /** 创建集体: approved filings. */
  approved: z.number(),
  /** filed ÷ target (above 1 past it); null without a target. */
  progress: z.number().nullable(),
  /** Filings (报备) of collectives that held a title before (往届), and their share of 报备. */
  pastHolders: z.number(),
  pastHolderShare: z.number().nullable(),
  /** Filings (报备) of 非公有制经济组织和社会组织 collectives, and their share of 报备. */
  nonPublic: z.number(),
  nonPublicShare: z.number().nullable(),
  overdue: overdueView,
  /** The unit's own 五个一 ledger in the campaign's term: how many of the five it recorded, and which are missing. */
  fiveOnes: z.object({ done: z.number(), missing: z.array(z.enum(FIVE_ONES)) }),
});
export type DashboardRowView = z.infer<typeof dashboardRowView>;

export const dashboardView = z.object({
  campaign: campaignView,
  /** The viewed unit's own figures (its whole subtree). */
  total: dashboardRowView,
  /** One row per child unit, each for its subtree, in creation order (the quota table's order). */
  rows: z.array(dashboardRowView),
  /** The parent of the viewed unit, when the caller may go up to it. */
  parentUnitId: z.string().nullable(),
  overdueDays: z.number(),
  /** Filings of the viewed subtree in each status. */
  statusMix: z.array(z.object({ status: z.enum(FILING_STATUSES), label: z.string(), count: z.number() })),
  /** 报备 by the China-time week (its Monday) of their latest submission, from the first such week to the last. */
  weeks: z.array(z.object({ monday: z.string(), count: z.number() })),
  countdown: z.object({
    state: z.enum(['notYetOpen', 'open', 'closed']),
    /** The instant the window opens / closes (00:00 China time), ISO. */
    opensAt: z.string(),
    closesAt: z.string(),
    /** The server's clock when answering, so a device with a wrong clock still counts down right. */
    now: z.string(),
  }),
});
export type DashboardView = z.infer<typeof dashboardView>;

/** What a ledger entry may carry: photos of the work, and documents as PDF. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const attachmentView = z.object({ url: z.string(), name: z.string(), contentType: z.enum(ATTACHMENT_TYPES) });
const attachmentInput = z.object({
  url: z.string({ error: '附件：缺少地址' }).min(1, '附件：缺少地址').max(500, '附件：地址不正确'),
  name: text('附件名称', { max: 80 }),
  contentType: oneOf('附件格式', ATTACHMENT_TYPES),
});

export const ledgerEntryView = z.object({
  id: z.string(),
  unitId: z.string(),
  term: z.string(),
  kind: z.enum(FIVE_ONES),
  kindLabel: z.string(),
  date: z.string(),
  title: z.string(),
  place: z.string(),
  participants: z.number(),
  summary: z.string(),
  attachments: z.array(attachmentView),
  recordedByName: z.string(),
  createdAt: z.string(),
  /** Whether the caller may remove it: entries are their own unit's to keep. */
  mine: z.boolean(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

/** One piece of 五个一 work, as the unit records it. */
export const ledgerEntryInput = z.object({
  campaignId: id('创建工作'),
  kind: oneOf('类别', FIVE_ONES),
  date: z.string({ error: '日期：请填写' }).trim().refine(isChinaDate, '日期：请按 2018-05-04 的格式填写'),
  title: text('名称', { min: 2, max: 60 }),
  place: text('地点', { max: 60 }),
  participants: z.number({ error: '参加人数：请填写数字' }).int('参加人数：请填写整数').min(1, '参加人数：不能小于1').max(100000, '参加人数：不能大于100000'),
  summary: text('内容摘要', { min: 10, max: 2000 }),
  /** Files uploaded with uploadLedgerAttachment for the unit's ledger. */
  attachments: z.array(attachmentInput).max(9, '附件：最多9个').default([]),
});

/** The `management` function (issue #14): quota progress for the office and level-1 admins, and every managing unit's 五个一 ledger. */
export const management = {
  dashboard: defineAction({
    summary: '报备进度看板：本单位及下级单位的名额、报备目标、报备与创建集体数、完成率、往届与非公占比、超期待审、每周报备、状态分布、截止倒计时',
    input: dashboardInput,
    output: dashboardView,
    roles: MANAGERS,
    refusal: MANAGERS_ONLY,
  }),
  exportDashboard: defineAction({
    summary: '导出报备进度表（xlsx）：看板中各单位的一行',
    input: dashboardInput,
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number() }),
    roles: MANAGERS,
    refusal: MANAGERS_ONLY,
  }),
  recordLedgerEntry: defineAction({
    summary: '记录本单位的五个一工作（专题会议、集中培训、检查调研、主题创建活动、常态化联系平台）：日期、名称、地点、参加人数、内容摘要',
    input: ledgerEntryInput,
    output: z.object({ entry: ledgerEntryView }),
    roles: ADMINS,
  }),
  uploadLedgerAttachment: defineAction({
    summary: '上传五个一工作记录的附件（照片 JPEG/PNG 或 PDF，约1.5MB以内）；记录时以返回的地址作为附件',
    input: z.object({
      fileName: text('附件名称', { max: 80 }),
      contentType: oneOf('附件格式', ATTACHMENT_TYPES),
      base64: z.string({ error: '附件：请选择' }).min(1, '附件：请选择').max(MAX_QUOTA_FILE_BASE64, '附件：不能超过约1.5MB'),
    }),
    output: z.object({ attachment: attachmentView }),
    roles: ADMINS,
  }),
  listLedger: defineAction({
    summary: '五个一工作台账：本单位或辖区内某单位在本届的记录（日期最新在前）及五项是否齐全',
    input: z.object({ campaignId: id('创建工作'), unitId: id('单位').optional(), ...pageInput }),
    output: z.object({
      unitName: z.string(),
      items: z.array(ledgerEntryView),
      nextCursor: z.string().nullable(),
      fiveOnes: z.object({ done: z.number(), missing: z.array(z.enum(FIVE_ONES)), counts: z.record(z.enum(FIVE_ONES), z.number()) }),
    }),
    roles: ADMINS,
  }),
  removeLedgerEntry: defineAction({
    summary: '删除本单位的一条五个一工作记录',
    input: z.object({ entryId: id('记录') }),
    output: z.object({ removed: z.boolean() }),
    roles: ADMINS,
  }),
  ...assessmentActions,
};

import { z } from 'zod';
import { defineAction } from './define';
import { id, oneOf, optionalText, page, pageInput, text } from './fields';
import { MAX_PHOTO_BASE64 } from './limits';
import { ADMINS } from '../domain/roles';
import { INVITATION_ALPHABET, INVITATION_CODE_LENGTH, MAX_REPORT_LENGTH, MAX_REPORT_PHOTOS, REPORT_STATUSES, SUPERVISOR_STATUSES } from '../domain/evaluation/supervision';
import { publicCode, ratingField, tagsField } from './evaluation-fields';

/**
 * 监督查评 (issue #12): a managing unit appoints social supervisors by one-time invitation codes; a
 * supervisor files 明察暗访 reports about collectives in the unit's subtree, which reach the collective
 * (as 监督查评, without the supervisor) only when an admin of the unit forwards them.
 */

/** A supervisor as the admins of its unit and the units above see it: the name they typed, never the person's identity. */
export const supervisorView = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  status: z.enum([...SUPERVISOR_STATUSES, 'expired']),
  statusLabel: z.string(),
  /** Until when the invitation can be redeemed (kept after redemption). */
  invitationExpiresAt: z.string(),
  appointedAt: z.string(),
  redeemedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Reports filed, and those forwarded to their collective: counters kept with each report and decision. */
  reports: z.number().int(),
  forwarded: z.number().int(),
});
export type SupervisorView = z.infer<typeof supervisorView>;

/** One of the caller's own appointments. */
export const supervisorRoleView = z.object({ id: z.string(), unitName: z.string(), since: z.string() });

/** A 明察暗访 report as its writer reads it. */
export const reportView = z.object({
  id: z.string(),
  collective: z.object({ code: z.string(), name: z.string() }),
  /** China-time date of the visit, "2026-11-30". */
  visitDate: z.string(),
  rating: z.number().int(),
  ratingLabel: z.string(),
  tags: z.array(z.string()),
  text: z.string(),
  photos: z.array(z.string()),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  /** The unit's decision: forwarded (with its note to the collective, if any) or not (with the reason). */
  decision: z.object({ note: z.string().nullable(), reason: z.string().nullable(), at: z.string() }).nullable(),
});
export type ReportView = z.infer<typeof reportView>;

/** As the managing unit's admins read it: who filed it (the name they gave), and whether its text awaits content review. */
export const unitReportView = reportView.extend({
  supervisor: z.object({ id: z.string(), name: z.string() }),
  unitName: z.string(),
  textUnderReview: z.boolean(),
});
export type UnitReportView = z.infer<typeof unitReportView>;

const supervisorId = id('监督员');

const invitationCode = z
  .string({ error: '邀请码：请填写' })
  .trim()
  .toUpperCase()
  .min(1, '邀请码：请填写')
  .refine((code) => code.length === INVITATION_CODE_LENGTH && [...code].every((c) => INVITATION_ALPHABET.includes(c)), `邀请码：应为${INVITATION_CODE_LENGTH}位字母和数字`);

export const fileReportInput = z.object({
  supervisorId,
  code: publicCode,
  visitDate: z.string({ error: '查访日期：请选择' }).regex(/^\d{4}-\d{2}-\d{2}$/, '查访日期：请选择'),
  rating: ratingField,
  tags: tagsField,
  text: text('查访情况', { min: 10, max: MAX_REPORT_LENGTH }),
  photos: z.array(z.string().min(1).max(500), { error: '照片：格式不正确' }).max(MAX_REPORT_PHOTOS, `照片：最多${MAX_REPORT_PHOTOS}张`).default([]),
});

export const supervision = {
  appointSupervisor: defineAction({
    summary: '聘任社会监督员：填写姓名，得到一次性邀请码（有效期内由本人在小程序或网页中接受）；记录在案',
    input: z.object({ unitId: id('管理单位'), name: text('监督员姓名', { min: 2, max: 20 }) }),
    /** The code, and the H5 page that redeems it (to send the person; in the mini-program they type the code under 我的 → 社会监督员). */
    output: z.object({ supervisor: supervisorView, invitation: z.object({ code: z.string(), link: z.string(), expiresAt: z.string() }) }),
    roles: ADMINS,
  }),
  unitSupervisors: defineAction({
    summary: '辖区内各单位聘任的社会监督员（新的在前）',
    input: z.object(pageInput),
    output: page(supervisorView),
    roles: ADMINS,
  }),
  revokeSupervisor: defineAction({
    summary: '撤销一名社会监督员（未使用的邀请码随之作废）；记录在案',
    input: z.object({ supervisorId }),
    output: z.object({ supervisor: supervisorView }),
    roles: ADMINS,
  }),
  redeemInvitation: defineAction({
    summary: '以本人身份（微信或网页访客）接受社会监督员邀请码：一次有效，过期或撤销即失效',
    input: z.object({ code: invitationCode }),
    output: z.object({ role: supervisorRoleView }),
    roles: ['public'],
  }),
  mySupervision: defineAction({
    summary: '我担任的社会监督员；给出集体编号时，还答可否对该集体监督查评及其评价方面标签',
    input: z.object({ code: publicCode.optional() }),
    output: z.object({
      roles: z.array(supervisorRoleView),
      target: z.object({ supervisorId: z.string(), collective: z.object({ code: z.string(), name: z.string() }), tags: z.array(z.string()) }).nullable(),
    }),
    roles: ['public'],
  }),
  uploadReportPhoto: defineAction({
    summary: '为明察暗访报告上传一张照片（JPEG 或 PNG，约650KB以内）；提交报告时以返回的地址引用',
    input: z.object({
      supervisorId,
      contentType: oneOf('图片格式', ['image/jpeg', 'image/png']),
      base64: z.string({ error: '照片：请选择' }).min(1, '照片：请选择').max(MAX_PHOTO_BASE64, '照片：不能超过约650KB，请压缩后再上传'),
    }),
    output: z.object({ url: z.string() }),
    roles: ['public'],
  }),
  fileReport: defineAction({
    summary: '社会监督员提交明察暗访报告：先交管理单位，经其转发后才到集体（不显示监督员身份）',
    input: fileReportInput,
    output: z.object({ report: reportView }),
    roles: ['public'],
  }),
  myReports: defineAction({
    summary: '我的监督：我提交的明察暗访报告及管理单位的处理（新的在前）',
    input: z.object(pageInput),
    output: page(reportView),
    roles: ['public'],
  }),
  unitReports: defineAction({
    summary: '本单位及下级单位的社会监督员提交的明察暗访报告：待处理、已转发或不转发（新的在前）',
    input: z.object({ status: oneOf('状态', REPORT_STATUSES).default('pending'), ...pageInput }),
    output: page(unitReportView),
    roles: ADMINS,
  }),
  forwardReport: defineAction({
    summary: '将明察暗访报告转发集体（可附说明）：作为监督查评计入，差评开启跟进；记录在案',
    input: z.object({ reportId: id('报告'), note: optionalText('转发说明', 500) }),
    output: z.object({ report: unitReportView }),
    roles: ADMINS,
  }),
  declineReport: defineAction({
    summary: '明察暗访报告不转发，写明理由；记录在案',
    input: z.object({ reportId: id('报告'), reason: text('不转发理由', { min: 2, max: 500 }) }),
    output: z.object({ report: unitReportView }),
    roles: ADMINS,
  }),
};

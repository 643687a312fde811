import { z } from 'zod';
import { defineAction } from './define';
import { id, oneOf, optionalText, page, pageInput, text } from './fields';
import { categoryListView, categoryView, checkedImageView, checkedVideoView, entryCardView, entryView, monthCountsView, silentCollectiveView } from './creationlog-views';
import { ADMINS } from '../domain/roles';
import { CATEGORY_CODE, MAX_CATEGORIES, MAX_CATEGORY_LABEL, MAX_ENTRY_IMAGES, MAX_ENTRY_TEXT, MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES, MAX_VIDEO_SECONDS } from '../domain/creationlog/categories';
import { isChinaDate } from '../domain/filing/window';

/** A category of the campaign's list, by its code. */
const category = z.string({ error: '类别：请选择' }).regex(CATEGORY_CODE, '类别：请选择');
const imageType = (label: string) => oneOf(label, ['image/jpeg', 'image/png']);
/** An address the device's upload answered (a file id in the mini-program, `/files/<path>` on the local host). */
const fileAddress = (label: string) => z.string({ error: `${label}：请选择` }).min(1, `${label}：请选择`).max(500, `${label}：地址过长`);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string({ error: '月份：格式不正确' }).regex(MONTH, '月份：请按 2018-05 的格式');
const imageList = z
  .array(z.string({ error: '图片：格式不正确' }).max(500, '图片：地址过长'), { error: '图片：格式不正确' })
  .max(MAX_ENTRY_IMAGES, `图片：最多${MAX_ENTRY_IMAGES}张`);

/**
 * An entry as the form holds it: anything may be missing while it is a draft, which saves as it is
 * typed. Lengths and shapes are still checked, so a draft never holds what a submit could not.
 */
export const entryDraftContent = z.object({
  title: optionalText('标题', 60),
  workDate: z
    .string({ error: '工作日期：格式不正确' })
    .refine((v) => v === '' || isChinaDate(v), '工作日期：请按 2018-05-04 的格式填写日期')
    .optional(),
  text: optionalText('内容', MAX_ENTRY_TEXT),
  images: imageList.default([]),
  /** The entry's one video, as `checkVideo` answered for it; null or absent: none. */
  video: z.string({ error: '视频：格式不正确' }).max(500, '视频：地址过长').nullable().optional(),
  category: category.optional(),
  /** One of the collective's own open-week events this entry is about. */
  eventId: id('开放周活动').optional(),
  /** The submitted entry this one corrects. */
  correctsId: id('更正的动态').optional(),
});
export type EntryDraftContent = z.output<typeof entryDraftContent>;

/** What 提交创建日志 requires; the form runs it before asking to submit. */
export const entryContent = entryDraftContent.extend({
  title: text('标题', { min: 2, max: 60 }),
  workDate: z.string({ error: '工作日期：请填写' }).refine(isChinaDate, '工作日期：请填写'),
  text: text('内容', { min: 10, max: MAX_ENTRY_TEXT }),
  category,
});

const entryTarget = z.object({ entryId: id('动态') });
const one = z.object({ entry: entryView });

/** The `creationlog` function: 创建工作动态 and the 创建日志 admins follow (issue #13). */
export const creationlog = {
  overview: defineAction({
    summary: '本集体的创建日志：按月的提交数和类别数，多久未提交（满30天提示）',
    input: z.object({}),
    output: z.object({
      /** The list of the campaign new entries are logged under: the form offers those not hidden, the counts name them all. */
      categories: z.array(categoryView),
      months: z.array(monthCountsView),
      lastSubmittedAt: z.string().nullable(),
      /** China-time days since the last submission (or since the log was opened, when nothing was submitted). */
      silentDays: z.number().int(),
      /** Nothing submitted for 30 days: the page asks for an entry. */
      prompt: z.boolean(),
    }),
    roles: ['collective'],
  }),
  listMine: defineAction({
    summary: '本集体的创建工作动态：草稿（最近修改在前）或已提交的（最新提交在前，可按月）',
    input: z.object({ status: oneOf('状态', ['draft', 'submitted']), month: month.optional(), ...pageInput }),
    output: page(entryCardView),
    roles: ['collective'],
  }),
  getMine: defineAction({
    summary: '本集体的一条动态，及管理员的指导意见',
    input: entryTarget,
    output: one,
    roles: ['collective'],
  }),
  saveDraft: defineAction({
    summary: '保存动态草稿（随填随存）；不带 entryId 时新建',
    input: z.object({ entryId: id('动态').optional(), version: z.number().int().optional(), content: entryDraftContent }),
    output: one,
    roles: ['collective'],
  }),
  draftFromEvent: defineAction({
    summary: '由已结束的开放周活动的总结生成一条动态草稿（标题、日期、内容和照片）',
    input: z.object({ eventId: id('开放周活动') }),
    output: one,
    roles: ['collective'],
  }),
  discardDraft: defineAction({
    summary: '删除一条未提交的草稿',
    input: entryTarget,
    output: z.object({ discarded: z.literal(true) }),
    roles: ['collective'],
  }),
  submit: defineAction({
    summary: '提交创建日志：此后只读，本集体所属各级管理员可见，记录提交时间',
    input: entryTarget.extend({ version: z.number().int() }),
    output: one,
    roles: ['collective'],
  }),
  imageUploadPath: defineAction({
    summary: '添加图片的第一步：本集体文件夹中给这张图片和它的缩略图的路径，设备将压缩后的图片和缩略图直接上传到这里（小程序：云存储）',
    input: z.object({ contentType: imageType('图片格式'), thumbnailType: imageType('缩略图格式') }),
    output: z.object({ cloudPath: z.string(), thumbnailPath: z.string() }),
    roles: ['collective'],
  }),
  checkImage: defineAction({
    summary: `添加图片的第二步：按文件内容检查上传的图片和缩略图（JPEG 或 PNG，${MAX_IMAGE_BYTES / 1024 / 1024}MB 和 ${MAX_THUMBNAIL_BYTES / 1024}KB 以内），计入每日上传限额；保存动态时以返回的图片地址引用`,
    input: z.object({ url: fileAddress('图片'), thumbnailUrl: fileAddress('缩略图') }),
    output: z.object({ image: checkedImageView }),
    roles: ['collective'],
  }),
  videoUploadPath: defineAction({
    summary: '添加视频的第一步：本集体文件夹中给这个视频的路径，设备将视频直接上传到这里（小程序：云存储）',
    input: z.object({}),
    output: z.object({ cloudPath: z.string() }),
    roles: ['collective'],
  }),
  checkVideo: defineAction({
    summary: `添加视频的第二步：按文件内容检查上传的视频（MP4，${MAX_VIDEO_SECONDS}秒以内，50MB以内），计入每日上传限额；保存动态时以返回的地址引用`,
    input: z.object({ url: fileAddress('视频') }),
    output: z.object({ video: checkedVideoView }),
    roles: ['collective'],
  }),
  setPublic: defineAction({
    summary: '公开或撤回一条已提交的创建日志：公开前标题、正文和图片经内容安全检查（待复核的暂不显示）；视频经管理单位审核通过后才公开',
    input: entryTarget.extend({ public: z.boolean({ error: '是否公开：格式不正确' }), version: z.number().int() }),
    output: one,
    roles: ['collective'],
  }),
  approveVideo: defineAction({
    summary: '审核通过一条创建日志的视频（通过前视频不公开）',
    input: entryTarget,
    output: one,
    roles: ADMINS,
  }),
  feed: defineAction({
    summary: '管辖范围内已提交的创建日志（最新在前），标出我未读的；可按单位、类别、月份、本级无人阅读、有视频或视频待审核筛选，按集体名称搜索',
    input: z.object({
      campaignId: id('创建活动'),
      unitId: id('单位').optional(),
      category: category.optional(),
      month: month.optional(),
      /** Only entries no admin at the caller's level has read yet. */
      unreadAtMyLevel: z.boolean().optional(),
      /** Only entries with a video (any), or whose video waits for approval (pending). */
      video: oneOf('视频', ['any', 'pending']).optional(),
      q: optionalText('集体名称', 40),
      ...pageInput,
    }),
    output: page(entryCardView),
    roles: ADMINS,
  }),
  readEntry: defineAction({
    summary: '阅读一条创建日志（为本人标记已阅）',
    input: entryTarget,
    output: one,
    roles: ADMINS,
  }),
  addGuidance: defineAction({
    summary: '对一条创建日志提出指导意见，并通知该集体',
    input: entryTarget.extend({ text: text('指导意见', { min: 2, max: 1000 }) }),
    output: one,
    roles: ADMINS,
  }),
  silentCollectives: defineAction({
    summary: '管辖范围内30天或60天未提交创建日志的集体（最久未提交在前）',
    input: z.object({ days: z.union([z.literal(30), z.literal(60)], { error: '天数：请选择30或60' }), unitId: id('单位').optional(), ...pageInput }),
    output: page(silentCollectiveView),
    roles: ADMINS,
  }),
  stats: defineAction({
    summary: '单位（含下级）的创建日志统计：每月、每类提交数，近30天有提交的集体数',
    input: z.object({ campaignId: id('创建活动'), unitId: id('单位').optional() }),
    output: z.object({
      unitId: z.string(),
      unitName: z.string(),
      months: z.array(monthCountsView),
      total: z.number().int(),
      byCategory: z.record(z.string(), z.number().int()),
      activeCollectives30d: z.number().int(),
    }),
    roles: ADMINS,
  }),
  categories: defineAction({
    summary: '一个创建活动（不指定时为最新的，即新动态所属的）的创建日志类别（未设置时为默认类别），及每个类别是否已有动态使用',
    input: z.object({ campaignId: id('创建活动').optional() }),
    output: categoryListView,
    roles: ['collective', ...ADMINS],
  }),
  setCategories: defineAction({
    summary: `设置一个创建活动的创建日志类别（1–${MAX_CATEGORIES}个，每个不超过${MAX_CATEGORY_LABEL}个字，不重复）；已有动态使用的类别不能删除，只能对新动态隐藏`,
    input: z.object({
      campaignId: id('创建活动'),
      version: z.number().int(),
      categories: z
        .array(
          z.object({
            /** An existing category's code; absent for a new one (the server names it). */
            code: category.optional(),
            label: text('类别名称', { max: MAX_CATEGORY_LABEL }),
            hidden: z.boolean({ error: '是否隐藏：格式不正确' }),
          }),
          { error: '类别：格式不正确' },
        )
        .min(1, '类别：至少保留1个')
        .max(MAX_CATEGORIES, `类别：最多${MAX_CATEGORIES}个`),
    }),
    output: categoryListView,
    roles: ['office'],
  }),
};

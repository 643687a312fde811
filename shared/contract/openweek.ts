import { z } from 'zod';
import { defineAction } from './define';
import { id, imageUpload, oneOf, optionalText, page, pageInput, text, whenValid } from './fields';
import { attendeeView, eventCardView, eventView, managedEventView, mySignupView, statsRowView } from './openweek-views';
import { collectivePageView } from './collective-page-views';
import { ADMINS } from '../domain/roles';
import { EVENT_TYPES } from '../domain/openweek/event-rules';

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}：请填写有效的日期和时间` }).transform((v) => new Date(v).toISOString());

/** What a collective fills in for an event; the same schema checks the client form. */
const eventFields = z.object({
  type: oneOf('活动类型', EVENT_TYPES),
  title: text('活动名称', { min: 2, max: 60 }),
  description: text('活动介绍', { max: 2000 }),
  coverUrl: optionalText('封面图片', 500),
  startAt: instant('开始时间'),
  endAt: instant('结束时间'),
  address: text('活动地点', { min: 2, max: 120 }),
  lat: z.number({ error: '纬度：请填写数字' }).min(-90, '纬度：须在-90到90之间').max(90, '纬度：须在-90到90之间').optional(),
  lng: z.number({ error: '经度：请填写数字' }).min(-180, '经度：须在-180到180之间').max(180, '经度：须在-180到180之间').optional(),
  capacity: z.number({ error: '名额：请填写' }).int('名额：须为整数').min(1, '名额：至少1人').max(10000, '名额：不能超过10000人'),
  signupOpensAt: instant('报名开始时间'),
  signupClosesAt: instant('报名截止时间'),
  requiresApproval: z.boolean().default(false),
  cancelHoursBefore: z
    .number({ error: '取消规则：请填写' })
    .int('取消规则：须为整数小时')
    .min(0, '取消规则：不能为负数')
    .max(168, '取消规则：最多提前168小时'),
  askPhone: z.boolean().default(true),
  extraQuestion: optionalText('报名问题', 100),
  campaignId: id('所属创建活动'),
});

export type EventFields = z.output<typeof eventFields>;
type TimeFields = Pick<EventFields, 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'>;

/** End after start; the signup window opens before it closes and closes no later than the start. */
function checkTimes(value: TimeFields, ctx: z.RefinementCtx): void {
  const t = (iso: string) => new Date(iso).getTime();
  if (t(value.endAt) <= t(value.startAt)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间：须晚于开始时间' });
  if (t(value.signupClosesAt) <= t(value.signupOpensAt)) {
    ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间：须晚于报名开始时间' });
  }
  if (t(value.signupClosesAt) > t(value.startAt)) {
    ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止时间：不能晚于活动开始时间' });
  }
}

/** A map point is both coordinates or neither. */
function checkPoint(value: Pick<EventFields, 'lat' | 'lng'>, ctx: z.RefinementCtx): void {
  if (value.lat !== undefined && value.lng === undefined) ctx.addIssue({ code: 'custom', path: ['lng'], message: '经度：请与纬度一起填写，或都不填' });
  if (value.lng !== undefined && value.lat === undefined) ctx.addIssue({ code: 'custom', path: ['lat'], message: '纬度：请与经度一起填写，或都不填' });
}

const TIME_FIELDS = ['startAt', 'endAt', 'signupOpensAt', 'signupClosesAt'];
const POINT_FIELDS = ['lat', 'lng'];

export const eventInput = eventFields.superRefine(checkTimes, whenValid(TIME_FIELDS)).superRefine(checkPoint, whenValid(POINT_FIELDS));
export const updateEventInput = eventFields
  .extend({ eventId: id('活动'), version: z.number().int() })
  .superRefine(checkTimes, whenValid(TIME_FIELDS))
  .superRefine(checkPoint, whenValid(POINT_FIELDS));


export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const signUpInput = z.object({
  eventId: id('活动'),
  name: text('姓名', { max: 20 }),
  phone: z.string({ error: '手机号：请填写' }).trim().regex(PHONE_PATTERN, '手机号：请填写11位手机号').optional(),
  answer: optionalText('报名问题的回答', 200),
  /** The visitor ticked "我已阅读并同意" under the privacy notice. */
  privacyAccepted: z.literal(true, { error: '个人信息收集说明：请阅读并同意' }),
});

const eventTarget = z.object({ eventId: id('活动') });
const ok = z.object({ event: managedEventView });

/** The `openweek` function: open-week events that the public finds and joins (issue #4). */
export const openweek = {
  startVisit: defineAction({
    summary: '开始访问：H5 访客领取服务器签发的访客令牌（小程序中以 OPENID 识别，无需令牌）',
    input: z.object({}),
    output: z.object({ visitorToken: z.string().nullable() }),
    roles: ['public'],
  }),
  filters: defineAction({
    summary: '公众首页的筛选项：活动类型、行业和地方（一级管理单位）；以及可选的创建活动',
    input: z.object({}),
    output: z.object({
      types: z.array(z.object({ value: z.enum(EVENT_TYPES), label: z.string() })),
      units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['industry', 'region']) })),
      /** 创建活动 (campaigns), newest first: an event belongs to one. */
      campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
    roles: ['public'],
  }),
  listEvents: defineAction({
    summary: '即将举行的开放周活动（按开始时间），可按类型、行业或地方筛选、按名称搜索',
    input: z.object({ type: oneOf('活动类型', EVENT_TYPES).optional(), unitId: id('行业或地方').optional(), q: optionalText('搜索', 40), ...pageInput }),
    output: page(eventCardView),
    roles: ['public'],
  }),
  getEvent: defineAction({
    summary: '活动详情（剩余名额、主办集体），以及当前访客自己的报名',
    input: eventTarget,
    output: z.object({ event: eventView, mySignup: mySignupView.nullable() }),
    roles: ['public'],
  }),
  collectivePage: defineAction({
    summary: '集体公开主页：名称、归口、活动统计和公开的活动',
    input: z.object({ collectiveId: id('集体'), ...pageInput }),
    output: collectivePageView,
    roles: ['public'],
  }),
  signUp: defineAction({
    summary: '报名（同意个人信息收集说明后）；名额已满时进入候补；重复报名返回已有报名',
    input: signUpInput,
    output: z.object({ signup: mySignupView, alreadySignedUp: z.boolean() }),
    roles: ['public'],
  }),
  cancelSignup: defineAction({
    summary: '取消自己的报名（在取消截止时间前）；空出的名额自动递补给候补第一位',
    input: eventTarget,
    output: z.object({ signup: mySignupView }),
    roles: ['public'],
  }),
  mySignups: defineAction({
    summary: '我的报名：即将举行或已经结束的活动',
    input: z.object({ when: oneOf('时间', ['upcoming', 'past']).default('upcoming'), ...pageInput }),
    output: page(mySignupView),
    roles: ['public'],
  }),
  createEvent: defineAction({
    summary: '集体新建开放周活动（草稿）',
    input: eventInput,
    output: ok,
    roles: ['collective'],
  }),
  updateEvent: defineAction({
    summary: '修改活动；已发布活动的名额不能少于已报名人数',
    input: updateEventInput,
    output: ok,
    roles: ['collective'],
  }),
  publishEvent: defineAction({
    summary: '发布活动，公众即可看到并报名',
    input: eventTarget,
    output: ok,
    roles: ['collective'],
  }),
  cancelEvent: defineAction({
    summary: '取消活动，并通知所有报名者',
    input: eventTarget.extend({ reason: text('取消原因', { min: 2, max: 200 }) }),
    output: ok,
    roles: ['collective'],
  }),
  myEvents: defineAction({
    summary: '本集体的活动（最新在前）',
    input: z.object({ ...pageInput }),
    output: page(managedEventView),
    roles: ['collective'],
  }),
  getManagedEvent: defineAction({
    summary: '本集体一项活动的详情和实时人数（报名、候补、签到）',
    input: eventTarget,
    output: ok,
    roles: ['collective'],
  }),
  listSignups: defineAction({
    summary: '本集体活动的报名名单（完整姓名和手机号，仅主办集体可见）',
    input: eventTarget.extend({ status: oneOf('状态', ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected']).optional(), ...pageInput }),
    output: page(attendeeView),
    roles: ['collective'],
  }),
  reviewSignup: defineAction({
    summary: '审核需审核的报名：通过或拒绝（拒绝空出的名额递补给候补第一位）',
    input: z.object({ signupId: z.string().min(1).max(200), approve: z.boolean() }),
    output: z.object({ attendee: attendeeView }),
    roles: ['collective'],
  }),
  checkIn: defineAction({
    summary: '签到：扫描或输入参加者的签到码，或在本活动的报名名单中点选一人（活动开始前1小时至结束）',
    input: eventTarget
      .extend({
        code: text('签到码', { min: 4, max: 16 })
          .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
          .optional(),
        /** A signup of this event, from the collective's own attendee list (for someone without their code at hand). */
        signupId: z.string().min(1).max(200).optional(),
      })
      .superRefine((v, ctx) => {
        if ((v.code === undefined) === (v.signupId === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['code'], message: '签到码：请输入签到码，或在报名名单中选择参加者' });
        }
      }),
    output: z.object({ attendee: attendeeView, checkedIn: z.number().int(), seatsTaken: z.number().int() }),
    roles: ['collective'],
  }),
  exportAttendees: defineAction({
    summary: '导出报名名单（xlsx，base64），仅主办集体',
    input: eventTarget,
    output: z.object({ filename: z.string(), base64: z.string() }),
    roles: ['collective'],
  }),
  uploadPhoto: defineAction({
    summary: '上传一张活动照片（JPEG 或 PNG，约650KB以内），用于活动总结',
    input: eventTarget.extend(imageUpload('照片')),
    output: z.object({ url: z.string() }),
    roles: ['collective'],
  }),
  uploadCover: defineAction({
    summary: '上传活动封面图片（JPEG 或 PNG，约650KB以内）；保存活动时以返回的地址作为封面',
    input: z.object(imageUpload('封面图片')),
    output: z.object({ url: z.string() }),
    roles: ['collective'],
  }),
  recordSummary: defineAction({
    summary: '活动结束后记录总结和照片，活动转为已结束',
    input: eventTarget.extend({ summary: text('活动总结', { min: 10, max: 2000 }), photos: z.array(z.string().max(500)).max(9).default([]) }),
    output: ok,
    roles: ['collective'],
  }),
  adminListEvents: defineAction({
    summary: '管辖范围内的开放周活动（人数为统计数，不含个人信息）',
    input: z.object({ unitId: id('单位').optional(), ...pageInput }),
    output: page(managedEventView),
    roles: ADMINS,
  }),
  hideEvent: defineAction({
    summary: '屏蔽不当活动（须填写原因），公众不再看到',
    input: eventTarget.extend({ reason: text('原因', { min: 2, max: 200 }) }),
    output: ok,
    roles: ADMINS,
  }),
  stats: defineAction({
    summary: '各单位开放周统计：举办活动数、报名人数、签到率、按类型',
    input: z.object({ unitId: id('单位').optional() }),
    output: z.object({ total: statsRowView, rows: z.array(statsRowView) }),
    roles: ADMINS,
  }),
};

import { z } from 'zod';
import { whenValid } from './fields';
import { isChinaDate } from '../domain/filing/window';
import { TITLE_KINDS, TITLE_LEVELS } from '../domain/filing/rules';

/**
 * What a collective files: profile (集体档案), plan (创建计划) and achievements (先进事迹), as flat named
 * fields so each error lands at its input. The form holds text; the strict schema turns numbers and dates
 * into values. The same schemas run in the client form and in the `filing` function.
 */
const msg = (label: string, rule: string) => `${label}：${rule}`;

export const FILING_FIELD_LABELS = {
  name: '规范名称',
  leaderName: '负责人',
  leaderPosition: '负责人职务',
  leaderAge: '负责人年龄',
  memberCount: '成员人数',
  averageAge: '平均年龄',
  membersUnder35: '35周岁以下成员人数',
  membersUnder40: '40周岁以下成员人数',
  totalStaff: '职工总数',
  foundedOn: '成立时间',
  phone: '联系电话',
  wechatId: '微信号',
  address: '通讯地址',
  postcode: '邮编',
  nonPublic: '非公有制经济组织和社会组织',
  recoveryEmail: '保密邮箱',
  goals: '创建目标',
  measures: '创建措施',
  schedule: '进度安排',
  achievements: '先进事迹',
  priorTitles: '往届称号',
} as const;

export type FilingTextField = Exclude<keyof typeof FILING_FIELD_LABELS, 'priorTitles'>;

/** The form's sections, in the order the application form (附件2) and the notice's 网络报备 list them. */
export const FILING_SECTIONS: Array<{ key: 'profile' | 'plan' | 'achievements'; title: string; fields: FilingTextField[] }> = [
  {
    key: 'profile',
    title: '集体档案',
    fields: [
      'name', 'leaderName', 'leaderPosition', 'leaderAge', 'memberCount', 'averageAge', 'membersUnder35', 'membersUnder40',
      'totalStaff', 'foundedOn', 'phone', 'wechatId', 'address', 'postcode', 'nonPublic', 'recoveryEmail',
    ],
  },
  { key: 'plan', title: '创建计划', fields: ['goals', 'measures', 'schedule'] },
  { key: 'achievements', title: '先进事迹', fields: ['achievements'] },
];

export const ACHIEVEMENTS_MAX = 3000;
export const ACHIEVEMENTS_MIN = 100;
/** Long texts' caps; short fields are capped by their strict rule. */
const DRAFT_MAX: Record<FilingTextField, number> = {
  name: 60, leaderName: 20, leaderPosition: 30, leaderAge: 8, memberCount: 8, averageAge: 8, membersUnder35: 8,
  membersUnder40: 8, totalStaff: 8, foundedOn: 10, phone: 20, wechatId: 40, address: 100, postcode: 6, nonPublic: 3,
  recoveryEmail: 120, goals: 1000, measures: 2000, schedule: 1000, achievements: ACHIEVEMENTS_MAX,
};

export const priorTitleSchema = z.object({
  level: z.enum(TITLE_LEVELS, { error: msg('称号级别', '请选择') }),
  year: z
    .number({ error: msg('称号年度', '请填写年份') })
    .int(msg('称号年度', '请填写年份'))
    .min(1994, msg('称号年度', '不早于1994年'))
    .max(2100, msg('称号年度', '年份不正确')),
  kind: z.enum(TITLE_KINDS, { error: msg('称号类型', '请选择命名或复核认定') }),
});

/** A draft: anything may be missing, only lengths are held, so nothing typed is ever refused. */
export const filingDraftContent = z.object({
  ...(Object.fromEntries(
    (Object.keys(DRAFT_MAX) as FilingTextField[]).map((f) => [
      f,
      z.string().max(DRAFT_MAX[f], msg(FILING_FIELD_LABELS[f], `不能超过${DRAFT_MAX[f]}个字`)).optional(),
    ]),
  ) as Record<FilingTextField, z.ZodOptional<z.ZodString>>),
  priorTitles: z.array(priorTitleSchema).max(10, msg('往届称号', '最多10项')).optional(),
});
export type FilingDraftContent = z.infer<typeof filingDraftContent>;

const required = (label: string) => z.string({ error: msg(label, '请填写') }).trim().min(1, msg(label, '请填写'));

const textField = (f: FilingTextField, min: number, max: number) =>
  required(FILING_FIELD_LABELS[f])
    .min(min, msg(FILING_FIELD_LABELS[f], `至少${min}个字`))
    .max(max, msg(FILING_FIELD_LABELS[f], `不能超过${max}个字`));

const intField = (f: FilingTextField, min: number, max: number) => {
  const label = FILING_FIELD_LABELS[f];
  return required(label)
    .regex(/^\d+$/, msg(label, '请填写整数'))
    .transform(Number)
    .pipe(z.number().min(min, msg(label, `不能小于${min}`)).max(max, msg(label, `不能大于${max}`)));
};

/** The strict rules a submitted filing must meet; every failure names its field. */
type CountField = 'membersUnder35' | 'membersUnder40' | 'memberCount' | 'totalStaff';

/** A count that may not exceed another (those under 35 are among those under 40, who are members, who are staff). */
const atMost =
  (field: CountField, limit: CountField, rule: string) =>
  (v: Record<CountField, number>, ctx: z.RefinementCtx): void => {
    if (v[field] > v[limit]) ctx.addIssue({ code: 'custom', path: [field], message: msg(FILING_FIELD_LABELS[field], rule) });
  };

export const filingStrictContent = z
  .object({
    name: textField('name', 2, 60),
    leaderName: textField('leaderName', 2, 20),
    leaderPosition: textField('leaderPosition', 1, 30),
    leaderAge: intField('leaderAge', 16, 80),
    memberCount: intField('memberCount', 1, 100000),
    averageAge: required('平均年龄')
      .regex(/^\d{1,2}(\.\d)?$/, msg('平均年龄', '请填写数字，最多一位小数'))
      .transform(Number)
      .pipe(z.number().min(16, msg('平均年龄', '不能小于16')).max(80, msg('平均年龄', '不能大于80'))),
    membersUnder35: intField('membersUnder35', 0, 100000),
    membersUnder40: intField('membersUnder40', 0, 100000),
    totalStaff: intField('totalStaff', 1, 1000000),
    foundedOn: required('成立时间').refine(isChinaDate, msg('成立时间', '请按 2010-05-04 的格式填写日期')),
    phone: required('联系电话').regex(/^[0-9+\-() ]{7,20}$/, msg('联系电话', '请填写有效的电话号码')),
    wechatId: z.string().trim().max(40, msg('微信号', '不能超过40个字')).optional(),
    address: textField('address', 5, 100),
    postcode: required('邮编').regex(/^\d{6}$/, msg('邮编', '请填写6位数字')),
    nonPublic: z.enum(['yes', 'no'], { error: msg(FILING_FIELD_LABELS.nonPublic, '请选择是或否') }),
    recoveryEmail: required('保密邮箱')
      .toLowerCase()
      .max(120, msg('保密邮箱', '不能超过120个字符'))
      .pipe(z.email({ error: msg('保密邮箱', '请填写有效的邮箱地址') })),
    goals: textField('goals', 10, 1000),
    measures: textField('measures', 10, 2000),
    schedule: textField('schedule', 10, 1000),
    achievements: textField('achievements', ACHIEVEMENTS_MIN, ACHIEVEMENTS_MAX),
    priorTitles: z.array(priorTitleSchema).max(10, msg('往届称号', '最多10项')).default([]),
  })
  .superRefine(atMost('membersUnder35', 'membersUnder40', '不能多于40周岁以下成员人数'), whenValid(['membersUnder35', 'membersUnder40']))
  .superRefine(atMost('membersUnder40', 'memberCount', '不能多于成员人数'), whenValid(['membersUnder40', 'memberCount']))
  .superRefine(atMost('memberCount', 'totalStaff', '不能多于职工总数'), whenValid(['memberCount', 'totalStaff']));
export type FilingStrictContent = z.output<typeof filingStrictContent>;

/** Character count as the collective sees it (code points, so a CJK character counts once). */
export const charCount = (text: string) => [...text].length;

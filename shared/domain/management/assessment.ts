/**
 * 考评 of the managing units (青年文明号活动管理工作考评办法, attached to both notices): five aspects and
 * eleven items. The notice gives no points; the default below gives items 1–9 a base of 100 (基层规模, the
 * one item the notice measures by a number, weighs double), a bonus of up to 10 and a deduction of up to 10.
 * The office may change them until it records the first score.
 */
export const ASSESSMENT_ITEM_KINDS = ['base', 'bonus', 'deduction'] as const;
export type AssessmentItemKind = (typeof ASSESSMENT_ITEM_KINDS)[number];

export interface AssessmentItem {
  /** 1–11, as the notice numbers them. */
  no: number;
  aspect: string;
  name: string;
  /** What the notice says is looked at (主要考察). */
  looksAt: string;
  kind: AssessmentItemKind;
  /** Maximum points (for a deduction: the most that can be taken off). */
  max: number;
}

export const ASSESSMENT_ITEMS: readonly AssessmentItem[] = [
  { no: 1, aspect: '机制规范', name: '组织机制', kind: 'base', max: 10, looksAt: '各级活动组委会（领导小组）作用发挥情况，包括沟通联系、交流合作、共同决策机制的建设和执行情况' },
  { no: 2, aspect: '机制规范', name: '工作规范', kind: 'base', max: 10, looksAt: '执行集体资格审查、创建工作考察、遴选推荐等工作原则和工作规范的情况；是否形成并不断完善适应本行业本地方实际的创建标准、操作规范、工作推进机制' },
  { no: 3, aspect: '过程管理', name: '培训指导', kind: 'base', max: 10, looksAt: '组织所属各级活动管理单位和青年文明号集体开展培训、促进交流等情况' },
  { no: 4, aspect: '过程管理', name: '跟踪监督', kind: 'base', max: 10, looksAt: '深入集体实地督导调研，落实社会监督机制的情况，能否落实督促整改和荣誉退出机制' },
  { no: 5, aspect: '过程管理', name: '联系沟通', kind: 'base', max: 10, looksAt: '是否配合组委会办公室推动相关工作，及时提交信息、反映情况、提供经验；是否建立与创建集体的直接联系机制，并加强具体指导' },
  { no: 6, aspect: '创建规模', name: '覆盖领域', kind: 'base', max: 10, looksAt: '是否与行业部门（社会机构）建立联创机制，是否积极支持和主动协同相关工作；各地方团委是否关注和拓展新领域创建' },
  { no: 7, aspect: '创建规模', name: '基层规模', kind: 'base', max: 20, looksAt: '参与创建的集体数量（评选基数10倍为达标数量）；是否注重纳入往届青年文明号，地方团委是否纳入一定比例的非公经济和社会组织的创建集体' },
  { no: 8, aspect: '品牌建设', name: '活动载体', kind: 'base', max: 10, looksAt: '是否按照统一安排开展主题创建活动，体现活动实效；是否形成特色性、长效性、广覆盖的创建载体或项目' },
  { no: 9, aspect: '品牌建设', name: '氛围营造', kind: 'base', max: 10, looksAt: '是否落实青年文明号“三亮”机制；是否有媒体合作机制、各类宣传平台；是否运用媒体特别是新媒体加强品牌宣传推广' },
  { no: 10, aspect: '其他项目', name: '加分项', kind: 'bonus', max: 10, looksAt: '积极探索并有较强的持续性、实效性、示范性；主要领导出席相关活动、出台促进政策；主动承接全国性重点工作' },
  { no: 11, aspect: '其他项目', name: '减分项', kind: 'deduction', max: 10, looksAt: '经核实的社会投诉；《青年文明号活动管理办法》执行出现重大偏差、挂牌不规范、评选不严肃、变相向基层收费等' },
];

export const ASSESSMENT_ITEM_NOS = ASSESSMENT_ITEMS.map((item) => item.no);

/** 有关说明 1: units other than the 地方 ones are not assessed on items 1 (组织机制) and 6 (覆盖领域). */
export const NOT_FOR_INDUSTRY = [1, 6] as const;

export const appliesTo = (no: number, unitKind: 'industry' | 'region' | 'office') => !(unitKind === 'industry' && (NOT_FOR_INDUSTRY as readonly number[]).includes(no));

/** The 情况报告 is "2000字以内". */
export const REPORT_MAX_CHARS = 2000;

/**
 * Characters of a report as the notice counts 字: every character a reader sees — Chinese characters,
 * punctuation, Latin letters and digits, one each (a character outside the BMP counts once) — and no
 * whitespace (spaces, line breaks), which a layout adds and a reader does not count.
 */
export const reportChars = (text: string): number => Array.from(text.replace(/\s/gu, '')).length;

/** Two decimals, without float noise: totals compare and show equal when they are. */
const round2 = (n: number) => Math.round(n * 100 + Number.EPSILON * 100) / 100;

export interface SheetTotal {
  /** Sum of the base items' scores the unit is assessed on. */
  base: number;
  /** The base brought to the full base scale: for a 行业 unit, × (all base points ÷ the points of the items it is assessed on). */
  scaledBase: number;
  bonus: number;
  deduction: number;
  /** scaledBase + bonus − deduction. */
  total: number;
}

/**
 * A unit's total. A 行业 unit is not assessed on items 1 and 6, so its base score is rescaled to the whole
 * base: scaledBase = base × (Σ max of items 1–9) ÷ (Σ max of items 2–5 and 7–9), and a 行业 unit with full
 * marks on its items reaches the same base as a 地方 unit with full marks on all nine. Bonus and deduction
 * are added and taken off unscaled. Unscored items count 0.
 */
export function sheetTotal(items: readonly Pick<AssessmentItem, 'no' | 'kind' | 'max'>[], scores: Partial<Record<number, number>>, unitKind: 'industry' | 'region' | 'office'): SheetTotal {
  const baseItems = items.filter((item) => item.kind === 'base');
  const fullBase = baseItems.reduce((sum, item) => sum + item.max, 0);
  const applicable = baseItems.filter((item) => appliesTo(item.no, unitKind));
  const applicableMax = applicable.reduce((sum, item) => sum + item.max, 0);
  const base = applicable.reduce((sum, item) => sum + (scores[item.no] ?? 0), 0);
  const scaledBase = applicableMax > 0 ? (base * fullBase) / applicableMax : 0;
  const of = (kind: AssessmentItemKind) => items.filter((item) => item.kind === kind).reduce((sum, item) => sum + (scores[item.no] ?? 0), 0);
  const bonus = of('bonus');
  const deduction = of('deduction');
  return { base: round2(base), scaledBase: round2(scaledBase), bonus: round2(bonus), deduction: round2(deduction), total: round2(scaledBase + bonus - deduction) };
}

/**
 * Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 1, 3), as a
 * published ranking reads. Equal totals keep the given order (the units' order).
 */
export function rankByTotal<T extends { total: number }>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((other) => other.total === row.total) + 1 }));
}

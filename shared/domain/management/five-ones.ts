/**
 * 五个一 (both notices): in each term a managing unit holds at least one 专题会议, one 集中培训, one 检查调研
 * with real coverage, one 主题创建活动, and keeps one 常态化联系平台. Its ledger records each piece of work;
 * the term is complete when every one of the five appears at least once.
 */
export const FIVE_ONES = ['meeting', 'training', 'inspection', 'themeActivity', 'liaisonPlatform'] as const;
export type FiveOne = (typeof FIVE_ONES)[number];

export const FIVE_ONE_LABELS: Record<FiveOne, string> = {
  meeting: '专题会议',
  training: '集中培训',
  inspection: '检查调研',
  themeActivity: '主题创建活动',
  liaisonPlatform: '常态化联系平台',
};

export interface FiveOnesProgress {
  /** How many of the five the unit has recorded at least once. */
  done: number;
  missing: FiveOne[];
  complete: boolean;
}

/** A unit's 五个一 in a term from its ledger's counts per kind (a missing kind counts as none). */
export function fiveOnesProgress(counts: Partial<Record<FiveOne, number>>): FiveOnesProgress {
  const missing = FIVE_ONES.filter((kind) => !((counts[kind] ?? 0) > 0));
  return { done: FIVE_ONES.length - missing.length, missing, complete: missing.length === 0 };
}

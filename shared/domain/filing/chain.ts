import type { AdminLevel } from '../roles';

/**
 * The review chain follows the collective's unit level: a collective at a level-3 unit is reviewed at
 * levels 3, 2, then 1; at level 2 by 2 then 1; at level 1 by 1 only. Branches with fewer levels skip
 * the missing ones. Levels 3 and 2 record a preliminary opinion (初审); level 1 decides.
 */
export function reviewStages(unitLevel: number): AdminLevel[] {
  if (unitLevel >= 3) return [3, 2, 1];
  if (unitLevel === 2) return [2, 1];
  return [1];
}

export function firstStage(unitLevel: number): AdminLevel {
  return reviewStages(unitLevel)[0];
}

/** The stage after `stage`, or null when `stage` is the last (level 1). */
export function stageAfter(stage: AdminLevel): AdminLevel | null {
  return stage === 1 ? null : ((stage - 1) as AdminLevel);
}

export type Decision = 'passUp' | 'sendBack' | 'approve' | 'return';

/** Which decisions an admin of a level may record at a stage of its own level. */
export function decisionsAt(stage: AdminLevel): Decision[] {
  return stage === 1 ? ['approve', 'return'] : ['passUp', 'sendBack'];
}

/** The application form's opinion boxes (附件2). */
export type OpinionBox = 'supervisor' | 'branch' | 'office';
export const OPINION_BOX_LABELS: Record<OpinionBox, string> = {
  supervisor: '主管单位意见',
  branch: '行业创建办或团委意见',
  office: '市青工委意见',
};

export function boxOf(level: AdminLevel | 0): OpinionBox {
  if (level === 0) return 'office';
  return level === 1 ? 'branch' : 'supervisor';
}

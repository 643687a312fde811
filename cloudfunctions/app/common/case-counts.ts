import type { Store } from '../ports/store';

/** A level-1 unit's 差评 follow-up in one campaign, as the 考评 evidence of item 4 shows it. */
export interface CaseFigures {
  /** Cases opened for the subtree's collectives (withdrawn ones, whose 差评 was replaced, not counted). */
  opened: number;
  answeredOnTime: number;
  /** Not answered by the deadline: still open past it, or answered after it. */
  overdue: number;
  /** Sent to a managing unit: overdue, or the evaluator found the handling 不满意. */
  escalated: number;
}

/**
 * Counted from the 差评 cases (features/evaluation writes them) through their indexes on (unitL1,
 * campaignId, …): a handful of counts, never a read of the cases or the evaluations themselves. Shared
 * because the management function's 考评 reads them.
 */
export async function caseFigures(store: Pick<Store, 'count'>, campaignId: string, unitL1: string, now: Date): Promise<CaseFigures> {
  const of = { unitL1, campaignId };
  const [opened, answeredOnTime, openPastDue, answeredLate, escalated] = await Promise.all([
    store.count('evaluationCases', { ...of, status: { $in: ['open', 'answered'] } }),
    store.count('evaluationCases', { ...of, answeredOnTime: true }),
    store.count('evaluationCases', { ...of, status: 'open', dueAt: { $lte: now.toISOString() } }),
    store.count('evaluationCases', { ...of, answeredOnTime: false }),
    store.count('evaluationCases', { ...of, escalated: true }),
  ]);
  return { opened, answeredOnTime, overdue: openPastDue + answeredLate, escalated };
}

/**
 * A unit's subtree's 差评 cases still unanswered in a campaign, and of those the ones past their deadline:
 * two counts on (unitLk, campaignId, status, dueAt) for the unit's level k (1–3), for the admins' statistics.
 */
export async function openCases(store: Pick<Store, 'count'>, campaignId: string, unitId: string, level: number, now: Date): Promise<{ open: number; overdue: number }> {
  const of = { [`unitL${level}`]: unitId, campaignId, status: 'open' };
  const [open, overdue] = await Promise.all([store.count('evaluationCases', of), store.count('evaluationCases', { ...of, dueAt: { $lte: now.toISOString() } })]);
  return { open, overdue };
}

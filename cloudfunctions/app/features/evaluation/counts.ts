import { RATINGS, RATING_LABELS, RATE_RULE, emptyCounts, isNegative, satisfactionRate, totalOf, type EvaluationSource, type Rating, type RatingCounts } from '../../../../shared/domain/evaluation/rules';
import type { EvaluationSummaryView } from '../../../../shared/contract/evaluation-views';
import type { EvaluationCountsDoc, EvaluationDoc } from '../../collections/evaluation';
import type { Store, StoreOps } from '../../ports/store';

const key = (source: EvaluationSource, rating: Rating) => `${source}${rating}` as const;

/** The level an evaluation counts at, or null when it does not count (held for review, or folded by an appeal). */
export const countedRating = (e: Pick<EvaluationDoc, 'held' | 'excluded' | 'rating'>): Rating | null => (e.held || e.excluded ? null : e.rating);

/**
 * Moves one evaluation in the counters inside its transaction: `from` the level it was counted at (null:
 * not counted before — new, or held), `to` the level it counts at now (null: held, not counted). One
 * document per collective: only that collective's evaluations touch it, so it is no campaign-wide hot spot.
 */
export async function countEvaluation(tx: StoreOps, collectiveId: string, source: EvaluationSource, from: Rating | null, to: Rating | null): Promise<void> {
  if (from === to) return;
  const inc: Record<string, number> = {};
  if (to !== null) inc[key(source, to)] = 1;
  if (from !== null) inc[key(source, from)] = -1;
  if (!(await tx.update('evaluationCounts', collectiveId, { inc }))) throw new Error(`evaluation counters of ${collectiveId} are missing`);
}

/** Follow-up figures move in the transaction that opens, withdraws or answers a case. */
export async function countFollowUp(tx: StoreOps, collectiveId: string, inc: Partial<Record<'cases' | 'answeredOnTime', number>>): Promise<void> {
  if (!(await tx.update('evaluationCounts', collectiveId, { inc }))) throw new Error(`evaluation counters of ${collectiveId} are missing`);
}

const levels = (counts: RatingCounts) => RATINGS.map((rating) => ({ rating, label: RATING_LABELS[rating], count: counts[rating] }));

/** The figures of a collective's page, read from its counters (one document, never a scan). */
export async function readSummary(store: Store, collectiveId: string): Promise<EvaluationSummaryView> {
  const doc = await store.get<EvaluationCountsDoc>('evaluationCounts', collectiveId);
  const wechat = emptyCounts();
  const h5 = emptyCounts();
  const supervisor = emptyCounts();
  for (const r of RATINGS) {
    wechat[r] = doc?.[key('wechat', r)] ?? 0;
    h5[r] = doc?.[key('h5', r)] ?? 0;
    // Absent on counters written before 监督查评 existed: none forwarded yet.
    supervisor[r] = doc?.[key('supervisor', r)] ?? 0;
  }
  return {
    satisfactionRate: satisfactionRate(wechat),
    counted: totalOf(wechat),
    levels: levels(wechat),
    negative: RATINGS.filter(isNegative).reduce((sum, r) => sum + wechat[r], 0),
    web: { count: totalOf(h5), levels: levels(h5) },
    supervision: { count: totalOf(supervisor), levels: levels(supervisor) },
    followUp: { cases: doc?.cases ?? 0, answeredOnTime: doc?.answeredOnTime ?? 0 },
    rule: RATE_RULE,
  };
}

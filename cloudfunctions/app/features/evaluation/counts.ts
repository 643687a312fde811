import { RATINGS, RATING_LABELS, RATE_RULE, emptyCounts, isNegative, satisfactionRate, totalOf, type EvaluationSource, type Rating, type RatingCounts } from '../../../../shared/domain/evaluation/rules';
import type { EvaluationSummaryView } from '../../../../shared/contract/evaluation-views';
import type { EvaluationAppealDoc, EvaluationCountsDoc, EvaluationDoc } from '../../collections/evaluation';
import type { Deps } from '../../context';
import { eachDocument, type Store, type StoreOps } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import { countAppeal, moveInUnits, type CountedEvaluation } from './unit-counts';

const key = (source: EvaluationSource, rating: Rating) => `${source}${rating}` as const;

/** The level an evaluation counts at, or null when it does not count (held for review, or folded by an appeal). */
export const countedRating = (e: Pick<EvaluationDoc, 'held' | 'excluded' | 'rating'>): Rating | null => (e.held || e.excluded ? null : e.rating);

/**
 * Moves one evaluation in the counters inside its transaction: `from` the level it was counted at (null:
 * not counted before — new, or held), `to` the level it counts at now (null: held, not counted). One
 * document per collective: only that collective's evaluations touch it, so it is no campaign-wide hot spot;
 * and the sharded counters of the units above it (unit-counts.ts), for the admins' statistics.
 */
export async function countEvaluation(tx: StoreOps, e: CountedEvaluation & Pick<EvaluationDoc, 'collectiveId'>, from: Rating | null, to: Rating | null): Promise<void> {
  if (from === to) return;
  const inc: Record<string, number> = {};
  if (to !== null) inc[key(e.source, to)] = 1;
  if (from !== null) inc[key(e.source, from)] = -1;
  if (!(await tx.update('evaluationCounts', e.collectiveId, { inc }))) throw new Error(`evaluation counters of ${e.collectiveId} are missing`);
  await moveInUnits(tx, e, from, to);
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

/**
 * Evaluations written before the units' counters (issue #12's statistics) are counted there once: each is
 * marked `unitCounted` in the transaction that adds its counted level (none while held or folded) and its
 * appeal, filed and upheld. From the mark on, every later move of it moves the units' counters too; a rerun
 * skips what is marked.
 */
export async function upgradeUnitCounts(deps: Pick<Deps, 'store'>): Promise<number> {
  let upgraded = 0;
  for await (const found of eachDocument<EvaluationDoc>(deps.store, 'evaluations', { orderBy: { fields: [], direction: 'asc' } })) {
    if (found.unitCounted) continue;
    const done = await transact(deps.store, async (tx) => {
      const e = await tx.get<EvaluationDoc>('evaluations', found.id);
      if (!e || e.unitCounted) return false;
      await tx.update('evaluations', e.id, { set: { unitCounted: true } });
      const counted = { ...e, unitCounted: true };
      await moveInUnits(tx, counted, null, countedRating(e));
      const appeal = await tx.get<EvaluationAppealDoc>('evaluationAppeals', e.id);
      if (appeal) await countAppeal(tx, counted, 'appeals');
      if (appeal?.status === 'upheld') await countAppeal(tx, counted, 'appealsUpheld');
      return true;
    });
    if (done) upgraded++;
  }
  return upgraded;
}

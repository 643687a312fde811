import { randomInt } from 'node:crypto';
import { chinaMonth, emptyCounts, type EvaluationSource, type Rating, type RatingCounts } from '../../../../shared/domain/evaluation/rules';
import type { Tally } from '../../../../shared/domain/filing/tally';
import type { EvaluationDoc } from '../../collections/evaluation';
import { addToShards, COUNT_SHARDS, readShardTallies } from '../../common/filing-counts';
import type { Store, StoreOps } from '../../ports/store';

/**
 * Counted evaluations per unit subtree, campaign, source, level and China-time month (the month the
 * evaluation was first written), plus appeals filed and upheld: the admins' 社会评价统计 reads them instead
 * of the evaluations. Sharded like the filing counters (a level-1 unit's counter is written by every
 * evaluation of its branch), moved in the same transactions as the collective's own counters (counts.ts).
 * Evaluations without a campaign are in no campaign's figures and not counted here; neither are 监督查评
 * (forwarded supervisor reports), which are counted apart from the public's evaluations everywhere.
 */
export const UNIT_COUNTS = 'evaluationUnitCounts';

export type CountedEvaluation = Pick<EvaluationDoc, 'unitPath' | 'campaignId' | 'source' | 'createdAt' | 'unitCounted'>;

/** "wechat5_202611": a field name without the month's dash, as both stores take any field name alike. */
export const ratingField = (source: EvaluationSource, rating: Rating, month: string) => `${source}${rating}_${month.replace('-', '')}`;
const FIELD = /^(wechat|h5)([1-5])_(\d{4})(\d{2})$/;

/** Adds `change` to the counters of every unit on the evaluation's path, when it is counted there at all. */
function addForEvaluation(tx: StoreOps, e: CountedEvaluation, change: Tally): Promise<void> {
  if (!e.unitCounted || !e.campaignId || e.source === 'supervisor') return Promise.resolve();
  return addToShards(tx, UNIT_COUNTS, e.campaignId, e.unitPath, change, randomInt(COUNT_SHARDS));
}

/** Moves one evaluation from the level it was counted at (`from`, null: none) to the one it counts at now. */
export function moveInUnits(tx: StoreOps, e: CountedEvaluation, from: Rating | null, to: Rating | null): Promise<void> {
  const month = chinaMonth(new Date(e.createdAt));
  const change: Tally = {};
  if (to !== null) change[ratingField(e.source, to, month)] = 1;
  if (from !== null) change[ratingField(e.source, from, month)] = (change[ratingField(e.source, from, month)] ?? 0) - 1;
  return addForEvaluation(tx, e, change);
}

/** An appeal filed against the evaluation, or upheld. */
export const countAppeal = (tx: StoreOps, e: CountedEvaluation, what: 'appeals' | 'appealsUpheld') => addForEvaluation(tx, e, { [what]: 1 });

export interface UnitEvaluationFigures {
  wechat: RatingCounts;
  h5: RatingCounts;
  /** Counted WeChat evaluations per China-time month ("2026-11"). */
  months: Map<string, RatingCounts>;
  appeals: number;
  appealsUpheld: number;
}

/** The figures of several units' subtrees in a campaign: per unit one query of its shards. */
export async function readUnitFigures(store: Pick<Store, 'find'>, campaignId: string, unitIds: string[]): Promise<Map<string, UnitEvaluationFigures>> {
  const tallies = await readShardTallies(store, UNIT_COUNTS, campaignId, unitIds);
  return new Map(
    unitIds.map((unitId) => {
      const figures: UnitEvaluationFigures = { wechat: emptyCounts(), h5: emptyCounts(), months: new Map(), appeals: 0, appealsUpheld: 0 };
      for (const [field, n] of Object.entries(tallies.get(unitId) ?? {})) {
        if (field === 'appeals' || field === 'appealsUpheld') figures[field] += n;
        const m = FIELD.exec(field);
        if (!m) continue;
        const source = m[1] as 'wechat' | 'h5';
        const rating = Number(m[2]) as Rating;
        figures[source][rating] += n;
        if (source !== 'wechat') continue;
        const month = `${m[3]}-${m[4]}`;
        const counts = figures.months.get(month) ?? emptyCounts();
        counts[rating] += n;
        figures.months.set(month, counts);
      }
      return [unitId, figures];
    }),
  );
}

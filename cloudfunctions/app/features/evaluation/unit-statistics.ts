import type { z } from 'zod';
import type { contract } from '../../../../shared/contract';
import type { UnitStatisticsRowView, UnitStatisticsView } from '../../../../shared/contract/evaluation-views';
import { RATE_RULE, chinaMonth, emptyCounts, satisfactionRate, totalOf, type RatingCounts } from '../../../../shared/domain/evaluation/rules';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { UnitDoc } from '../../collections';
import { loadCampaign } from '../../common/campaigns';
import { openCases } from '../../common/case-counts';
import { complaintFigures } from '../../common/complaint-counts';
import { unitInScope } from '../../common/scope';
import { childUnits } from '../../common/units';
import { accountOf, type UseCaseContext } from '../../context';
import type { Handler } from '../../router';
import { readUnitFigures, type UnitEvaluationFigures } from './unit-counts';

export type UnitStatisticsInput = z.output<typeof contract.evaluation.unitStatistics.input>;

const TREND_MONTHS = 12;

/** The `count` China-time months up to and including the one of `now`, oldest first ("2026-11"). */
function lastMonths(now: Date, count: number): string[] {
  const [year, month] = chinaMonth(now).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const m = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

type Followed = Pick<UnitStatisticsRowView, 'casesOpen' | 'casesOverdue' | 'complaintsFiled' | 'complaintsUpheld'>;

/** Open and overdue cases and complaints of a level-1…3 subtree: indexed counts on (unitLk, campaignId, …). */
async function followedOf(ctx: UseCaseContext, campaignId: string, unit: UnitDoc): Promise<Followed> {
  const [cases, complaints] = await Promise.all([openCases(ctx.store, campaignId, unit.id, unit.level, ctx.now()), complaintFigures(ctx.store, campaignId, unit.id, unit.level)]);
  return { casesOpen: cases.open, casesOverdue: cases.overdue, complaintsFiled: complaints.filed, complaintsUpheld: complaints.upheld };
}

const sumFollowed = (rows: Followed[]): Followed => ({
  casesOpen: rows.reduce((n, r) => n + r.casesOpen, 0),
  casesOverdue: rows.reduce((n, r) => n + r.casesOverdue, 0),
  complaintsFiled: rows.reduce((n, r) => n + r.complaintsFiled, 0),
  complaintsUpheld: rows.reduce((n, r) => n + r.complaintsUpheld, 0),
});

function rowOf(unit: UnitDoc, figures: UnitEvaluationFigures | undefined, followed: Followed): UnitStatisticsRowView {
  const wechat = figures?.wechat ?? emptyCounts();
  return {
    unitId: unit.id,
    unitName: unit.name,
    level: unit.level,
    counted: totalOf(wechat),
    web: totalOf(figures?.h5 ?? emptyCounts()),
    satisfactionRate: satisfactionRate(wechat),
    ...followed,
    appealsFiled: figures?.appeals ?? 0,
    appealsUpheld: figures?.appealsUpheld ?? 0,
  };
}

/**
 * The 社会评价统计 of a unit's subtree: its own figures, a row per unit directly under it, and its last 12
 * months. Evaluations and appeals are sums of counter shards (unit-counts.ts), one query per unit; cases and
 * complaints are a few indexed counts per unit; nothing reads the evaluations. The caller sees only units in
 * their own subtree.
 */
export async function unitStatisticsFigures(ctx: UseCaseContext, input: UnitStatisticsInput): Promise<UnitStatisticsView> {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const children = await childUnits(ctx.store, unit.id);
  const [figures, followed] = await Promise.all([
    readUnitFigures(ctx.store, campaign.id, [unit.id, ...children.map((c) => c.id)]),
    Promise.all(children.map((c) => followedOf(ctx, campaign.id, c))),
  ]);
  // The office's root has no ancestor field of its own: its subtree is the sum of its level-1 units.
  const ownFollowed = unit.level === 0 ? sumFollowed(followed) : await followedOf(ctx, campaign.id, unit);
  const months = figures.get(unit.id)?.months ?? new Map<string, RatingCounts>();
  const parentId = pathIds(unit.path).at(-2) ?? null;
  return {
    campaign: { id: campaign.id, name: campaign.name },
    total: rowOf(unit, figures.get(unit.id), ownFollowed),
    rows: children.map((child, i) => rowOf(child, figures.get(child.id), followed[i])),
    parentUnitId: unit.id !== actor.unitId && parentId ? parentId : null,
    trend: lastMonths(ctx.now(), TREND_MONTHS).map((month) => {
      const counts = months.get(month) ?? emptyCounts();
      return { month, counted: totalOf(counts), satisfactionRate: satisfactionRate(counts) };
    }),
    rule: RATE_RULE,
  };
}

/** 社会评价统计 of the caller's unit, or of a unit in their subtree. */
export const unitStatistics: Handler<typeof contract.evaluation.unitStatistics> = (ctx, input) => unitStatisticsFigures(ctx, input);

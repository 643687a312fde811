import type { z } from 'zod';
import type { DashboardRowView, DashboardView, management } from '../../../../shared/contract/management';
import { FILING_STATUS_LABELS, FILING_STATUSES } from '../../../../shared/domain/filing/status';
import { SUBMITTED, weekOfField, type Tally } from '../../../../shared/domain/filing/tally';
import { addDays, chinaMidnight } from '../../../../shared/domain/filing/window';
import { quotaTarget, share, type Target } from '../../../../shared/domain/management/progress';
import { fiveOnesProgress, type FiveOne } from '../../../../shared/domain/management/five-ones';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { QuotaDoc, UnitDoc } from '../../collections';
import { accountOf, type UseCaseContext } from '../../context';
import { campaignView, loadCampaign, rulesOf } from '../../common/campaigns';
import { readTallies } from '../../common/filing-counts';
import { eachDocument, type Filter } from '../../ports/store';
import { unitInScope } from '../../common/scope';
import { childUnits } from '../../common/units';
import { ledgerCounts } from './ledger';

export type DashboardInput = z.output<typeof management.dashboard.input>;

const ADMIN_LEVELS = [1, 2, 3] as const;

/** The quota rows of these units for a campaign: one query (the table has one row per level-1 unit). */
async function quotasOf(ctx: UseCaseContext, campaignId: string, unitIds: string[]): Promise<Map<string, QuotaDoc>> {
  const quotas = new Map<string, QuotaDoc>();
  const where: Filter = { campaignId, unitId: { $in: unitIds } };
  for await (const quota of eachDocument<QuotaDoc>(ctx.store, 'quotas', { where, orderBy: { fields: ['unitId'], direction: 'asc' } }, 1000)) {
    quotas.set(quota.unitId, quota);
  }
  return quotas;
}

/** A unit's subtree as equalities on the filings' ancestors at every level down to it. */
function subtreeWhere(campaignId: string, unit: UnitDoc): Filter {
  const where: Filter = { campaignId };
  pathIds(unit.path).slice(1).forEach((id, i) => (where[`unitL${i + 1}`] = id));
  return where;
}

/**
 * Filings matching `where` that wait at each admin level since before `cutoff`: indexed counts on the
 * review queue by (campaignId, stage, unitL1, updatedAt), which a level-1 branch reads alone and a deeper
 * subtree narrows further. A filing has a stage exactly while it waits for a reviewer (filed or reviewing).
 * Its `updatedAt` is when it last changed (submitted, passed up, transferred, renamed), as the queue's 最早
 * order reads it.
 */
async function overdueOf(ctx: UseCaseContext, where: Filter, cutoff: string): Promise<DashboardRowView['overdue']> {
  const [level1, level2, level3] = await Promise.all(ADMIN_LEVELS.map((stage) => ctx.store.count('filings', { ...where, stage, updatedAt: { $lt: cutoff } })));
  return { level1, level2, level3 };
}

/**
 * The viewed unit's overdue filings: its child units' plus those filed at the unit itself (no ancestor one
 * level down), so the office's total is counted per branch too instead of over the whole campaign by date.
 */
async function totalOverdue(ctx: UseCaseContext, campaignId: string, unit: UnitDoc, rows: DashboardRowView['overdue'][], cutoff: string) {
  if (unit.level >= 3) return overdueOf(ctx, subtreeWhere(campaignId, unit), cutoff);
  const own = await overdueOf(ctx, { ...subtreeWhere(campaignId, unit), [`unitL${unit.level + 1}`]: '' }, cutoff);
  for (const row of rows) for (const level of ADMIN_LEVELS) own[`level${level}`] += row[`level${level}`];
  return own;
}

function rowOf(
  unit: UnitDoc,
  quota: QuotaDoc | null,
  target: Target | { target: number | null; source: 'sum' | null },
  tally: Tally,
  overdue: DashboardRowView['overdue'],
  ledger: Partial<Record<FiveOne, number>>,
): DashboardRowView {
  const filed = FILING_STATUSES.filter((s) => SUBMITTED[s]).reduce((sum, s) => sum + (tally[s] ?? 0), 0);
  const pastHolders = tally.pastHolders ?? 0;
  const nonPublic = tally.nonPublic ?? 0;
  const { done, missing } = fiveOnesProgress(ledger);
  return {
    unitId: unit.id,
    unitName: unit.name,
    kind: unit.kind,
    level: unit.level,
    places: quota?.places ?? null,
    base: quota?.base ?? null,
    requiredFilings: quota?.requiredFilings ?? null,
    target: target.target,
    targetSource: target.source,
    filed,
    approved: tally.approved ?? 0,
    progress: share(filed, target.target),
    pastHolders,
    pastHolderShare: share(pastHolders, filed),
    nonPublic,
    nonPublicShare: share(nonPublic, filed),
    overdue,
    fiveOnes: { done, missing },
  };
}

/** 报备 per week from the tally's week fields, every week from the first to the last, empty ones included. */
function weeksOf(tally: Tally): DashboardView['weeks'] {
  const counts = new Map<string, number>();
  for (const [field, n] of Object.entries(tally)) {
    const monday = weekOfField(field);
    if (monday && n > 0) counts.set(monday, n);
  }
  const mondays = [...counts.keys()].sort();
  const weeks: DashboardView['weeks'] = [];
  for (let monday = mondays[0]; monday && monday <= mondays[mondays.length - 1]; monday = addDays(monday, 7)) {
    weeks.push({ monday, count: counts.get(monday) ?? 0 });
  }
  return weeks;
}

/**
 * The dashboard of a unit's subtree: its own figures and one row per child unit. Every figure but the
 * overdue counts is a sum of counter shards (common/filing-counts.ts): one query for all the units, whatever the
 * number of filings. The caller sees only units in their own subtree (a level-1 admin: their branch).
 */
export async function dashboardFigures(ctx: UseCaseContext, input: DashboardInput): Promise<DashboardView> {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const children = await childUnits(ctx.store, unit.id);
  const units = [unit, ...children];
  const ids = units.map((u) => u.id);
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - input.overdueDays * 86_400_000).toISOString();
  const rules = rulesOf(campaign);
  const [quotas, tallies, ledgers, overdue] = await Promise.all([
    quotasOf(ctx, campaign.id, ids),
    readTallies(ctx.store, campaign.id, ids),
    ledgerCounts(ctx.store, campaign.term, ids),
    Promise.all(children.map((u) => overdueOf(ctx, subtreeWhere(campaign.id, u), cutoff))),
  ]);
  const targetOf = (u: UnitDoc) => quotaTarget(quotas.get(u.id) ?? null, rules.targetMultiplier);
  const rows = children.map((child, i) => rowOf(child, quotas.get(child.id) ?? null, targetOf(child), tallies.get(child.id) ?? {}, overdue[i], ledgers.get(child.id) ?? {}));
  // A unit without a quota of its own (the office's root) aims at the sum of its units' targets.
  const childTargets = rows.filter((r) => r.target !== null);
  const ownTarget = targetOf(unit);
  const totalTarget = ownTarget.target !== null || childTargets.length === 0 ? ownTarget : { target: childTargets.reduce((sum, r) => sum + (r.target ?? 0), 0), source: 'sum' as const };
  const tally = tallies.get(unit.id) ?? {};
  const parentId = pathIds(unit.path).at(-2) ?? null;
  const shown = campaignView(campaign, now);
  return {
    campaign: shown,
    total: rowOf(unit, quotas.get(unit.id) ?? null, totalTarget, tally, await totalOverdue(ctx, campaign.id, unit, overdue, cutoff), ledgers.get(unit.id) ?? {}),
    rows,
    parentUnitId: unit.id !== actor.unitId && parentId ? parentId : null,
    overdueDays: input.overdueDays,
    statusMix: FILING_STATUSES.map((status) => ({ status, label: FILING_STATUS_LABELS[status], count: tally[status] ?? 0 })),
    weeks: weeksOf(tally),
    countdown: {
      state: shown.windowState,
      opensAt: chinaMidnight(rules.window.opens).toISOString(),
      closesAt: chinaMidnight(rules.window.closesBefore).toISOString(),
      now: now.toISOString(),
    },
  };
}

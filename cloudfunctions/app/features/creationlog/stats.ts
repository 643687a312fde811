import type { contract } from '../../../../shared/contract';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { totalsOf, unitMonthCounts } from '../../common/creation-counts';
import { activeCollectives } from './counts';

/** A unit's figures (its subtree): entries per month and per category in a campaign, collectives active in the last 30 days. */
export const stats: Handler<typeof contract.creationlog.stats> = async (ctx, input) => {
  const unit = await unitInScope(ctx, input.unitId ?? accountOf(ctx).unitId);
  const months = await unitMonthCounts(ctx.store, input.campaignId, unit.id);
  return {
    unitId: unit.id,
    unitName: unit.name,
    months,
    ...totalsOf(months),
    activeCollectives30d: await activeCollectives(ctx.store, unit.id, ctx.now()),
  };
};

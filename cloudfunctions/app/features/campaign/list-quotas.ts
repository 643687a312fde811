import type { contract } from '../../../../shared/contract';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { QuotaDoc, UnitDoc } from '../../collections';
import { accountOf } from '../../context';
import { loadCampaign } from '../../common/campaigns';
import { readCounts } from '../../common/filing-counts';
import type { Handler } from '../../router';
import { quotaId } from '../../common/campaigns';
import { childUnits } from '../../common/units';

/** The quota table beside the filings so far: for the office every level-1 unit, for an admin its own branch. */
export const listQuotas: Handler<typeof contract.campaign.listQuotas> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  let units: UnitDoc[];
  if (actor.role === 'office') units = await childUnits(ctx.store, actor.unitId);
  else {
    const branch = await ctx.store.get<UnitDoc>('units', pathIds(actor.unitPath)[1] ?? '');
    units = branch ? [branch] : [];
  }
  const items = [];
  for (const unit of units) {
    const quota = await ctx.store.get<QuotaDoc>('quotas', quotaId(campaign.id, unit.id));
    const counts = await readCounts(ctx.store, campaign.id, unit.id);
    items.push({
      unitId: unit.id,
      unitName: unit.name,
      kind: unit.kind,
      places: quota?.places ?? null,
      base: quota?.base ?? null,
      requiredFilings: quota?.requiredFilings ?? null,
      filed: counts.filed + counts.reviewing + counts.returned + counts.approved,
      approved: counts.approved,
    });
  }
  return { items };
};

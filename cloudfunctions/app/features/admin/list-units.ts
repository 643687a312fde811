import type { contract } from '../../../../shared/contract';
import { isWithin, pathIds } from '../../../../shared/domain/unit-tree';
import type { QuotaDoc, UnitDoc } from '../../collections';
import { latestCampaign, quotaId } from '../../common/campaigns';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { unitView } from './views';

export const listUnits: Handler<typeof contract.admin.listUnits> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const parent = await unitInScope(ctx, input.parentId ?? actor.unitId);
  const page = await ctx.store.find<UnitDoc>('units', {
    where: { parentId: parent.id },
    orderBy: { fields: ['createdAt'], direction: 'asc' },
    after: input.cursor,
    limit: input.limit,
  });
  // The newest campaign's quota table shows beside each unit.
  const campaign = await latestCampaign(ctx.store);
  const quotaOf = async (unit: UnitDoc) =>
    campaign ? await ctx.store.get<QuotaDoc>('quotas', quotaId(campaign.id, unit.id)) : null;

  const ancestors: UnitDoc[] = [];
  for (const id of pathIds(parent.path).slice(0, -1)) {
    const unit = await ctx.store.get<UnitDoc>('units', id);
    if (unit && isWithin(actor.unitPath, unit.path)) ancestors.push(unit);
  }
  return {
    parent: unitView(parent, await quotaOf(parent)),
    ancestors: ancestors.map((u) => unitView(u, null)),
    items: await Promise.all(page.items.map(async (u) => unitView(u, await quotaOf(u)))),
    nextCursor: page.nextCursor,
  };
};

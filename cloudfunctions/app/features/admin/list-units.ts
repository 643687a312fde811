import type { contract } from '../../../../shared/contract';
import { isWithin, pathIds } from '../../../../shared/domain/unit-tree';
import type { CampaignDoc, QuotaDoc, UnitDoc } from '../../collections';
import { accountOf, type UseCaseContext } from '../../context';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { unitView } from '../../common/account-views';

/** The newest campaign, whose quota table the console shows beside each unit. */
async function currentCampaign(ctx: UseCaseContext): Promise<CampaignDoc | null> {
  const { items } = await ctx.store.find<CampaignDoc>('campaigns', {
    orderBy: { fields: ['createdAt'], direction: 'desc' },
    limit: 1,
  });
  return items[0] ?? null;
}

export const quotaId = (campaignId: string, unitId: string) => `${campaignId}:${unitId}`;

export const listUnits: Handler<typeof contract.admin.listUnits> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const parent = await unitInScope(ctx, input.parentId ?? actor.unitId);
  const page = await ctx.store.find<UnitDoc>('units', {
    where: { parentId: parent.id },
    orderBy: { fields: ['createdAt'], direction: 'asc' },
    after: input.cursor,
    limit: input.limit,
  });
  const campaign = await currentCampaign(ctx);
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

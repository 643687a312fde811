import type { contract } from '../../../../shared/contract';
import { EVENT_TYPES, EVENT_TYPE_LABELS } from '../../../../shared/domain/openweek/event-rules';
import type { CampaignDoc, UnitDoc } from '../../collections';
import type { Handler } from '../../router';
import { childUnits } from '../../common/units';

/** The types and the level-1 units (行业 and 地方) the public can filter by. */
export const filters: Handler<typeof contract.openweek.filters> = async (ctx) => {
  const units: Array<{ id: string; name: string; kind: 'industry' | 'region' }> = [];
  const roots = await ctx.store.find<UnitDoc>('units', { where: { parentId: null }, orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 1 });
  const root = roots.items[0];
  if (root) {
    for (const u of await childUnits(ctx.store, root.id)) if (u.kind !== 'office') units.push({ id: u.id, name: u.name, kind: u.kind });
  }
  const campaigns = await ctx.store.find<CampaignDoc>('campaigns', { orderBy: { fields: ['createdAt'], direction: 'desc' }, limit: 20 });
  return {
    campaigns: campaigns.items.map((c) => ({ id: c.id, name: c.name })),
    types: EVENT_TYPES.map((value) => ({ value, label: EVENT_TYPE_LABELS[value] })),
    units,
  };
};

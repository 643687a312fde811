import type { contract } from '../../../../shared/contract';
import type { CampaignDoc } from '../../collections';
import { campaignView } from '../../common/campaigns';
import type { Handler } from '../../router';

/** Campaigns, newest first (a handful: one per level and term). */
export const listCampaigns: Handler<typeof contract.campaign.listCampaigns> = async (ctx) => {
  const { items } = await ctx.store.find<CampaignDoc>('campaigns', { orderBy: { fields: ['createdAt'], direction: 'desc' }, limit: 50 });
  return { items: items.map((c) => campaignView(c, ctx.now())) };
};

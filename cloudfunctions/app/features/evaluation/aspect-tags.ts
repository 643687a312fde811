import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { CampaignDoc } from '../../collections';
import type { Store } from '../../ports/store';
import type { Handler } from '../../router';
import { aspectTagsOf } from './campaign-of';

export async function existingCampaign(store: Store, campaignId: string): Promise<CampaignDoc> {
  const campaign = await store.get<CampaignDoc>('campaigns', campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '未找到该创建活动');
  return campaign;
}

/** The aspect tags a campaign offers evaluators. */
export const aspectTags: Handler<typeof contract.evaluation.aspectTags> = async (ctx, input) => {
  const campaign = await existingCampaign(ctx.store, input.campaignId);
  return { campaignId: campaign.id, ...(await aspectTagsOf(ctx.store, campaign.id)) };
};

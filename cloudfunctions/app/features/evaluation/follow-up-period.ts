import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { existingCampaign } from './aspect-tags';
import { followUpDaysOf } from './campaign-of';

/** The working days a campaign's 差评 cases and complaints are due in. */
export const followUpPeriod: Handler<typeof contract.evaluation.followUpPeriod> = async (ctx, input) => {
  const campaign = await existingCampaign(ctx.store, input.campaignId);
  return { campaignId: campaign.id, ...(await followUpDaysOf(ctx.store, campaign.id)) };
};

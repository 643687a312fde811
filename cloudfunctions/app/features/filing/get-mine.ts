import type { contract } from '../../../../shared/contract';
import type { FilingDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { campaignView, latestCampaign, loadCampaign } from '../../common/campaigns';
import { collectiveOfAccount, filingId } from './collective';
import { collectiveView, filingView } from '../../common/filing-views';
import type { Handler } from '../../router';

/** The collective's own filing for a campaign (the newest by default): a collective sees only its own. */
export const getMine: Handler<typeof contract.filing.getMine> = async (ctx, input) => {
  const collective = await collectiveOfAccount(ctx, accountOf(ctx));
  const campaign = input.campaignId ? await loadCampaign(ctx.store, input.campaignId) : await latestCampaign(ctx.store);
  const filing = campaign ? await ctx.store.get<FilingDoc>('filings', filingId(campaign.id, collective.id)) : null;
  return {
    campaign: campaign ? campaignView(campaign, ctx.now()) : null,
    collective: await collectiveView(ctx.store, collective),
    filing: filing ? await filingView(ctx.store, filing, accountOf(ctx)) : null,
  };
};

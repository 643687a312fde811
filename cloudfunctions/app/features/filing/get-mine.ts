import type { contract } from '../../../../shared/contract';
import type { FilingDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { campaignView, latestCampaign, loadCampaign } from '../../common/campaigns';
import { collectiveOfAccount, newCollective } from '../../common/collectives';
import { filingId } from './collective';
import { collectiveView, filingView } from '../../common/filing-views';
import type { Handler } from '../../router';

/**
 * The collective's own filing for a campaign (the newest by default): a collective sees only its own.
 * A read writes nothing: an account issued before collectives were created with their account has no
 * document yet and sees the one its first save will create (openCollective).
 */
export const getMine: Handler<typeof contract.filing.getMine> = async (ctx, input) => {
  const account = accountOf(ctx);
  const collective = (await collectiveOfAccount(ctx.store, account)) ?? newCollective(account, ctx.now().toISOString());
  const campaign = input.campaignId ? await loadCampaign(ctx.store, input.campaignId) : await latestCampaign(ctx.store);
  const filing = campaign ? await ctx.store.get<FilingDoc>('filings', filingId(campaign.id, collective.id)) : null;
  return {
    campaign: campaign ? campaignView(campaign, ctx.now()) : null,
    collective: await collectiveView(ctx.store, collective),
    filing: filing ? await filingView(ctx.store, filing, account) : null,
  };
};

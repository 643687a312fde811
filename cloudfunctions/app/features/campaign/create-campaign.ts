import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { CampaignDoc } from '../../collections';
import { accountOf } from '../../context';
import { campaignView } from '../../common/campaigns';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { rulesFields } from './rules-input';
import { transact } from '../../ports/transaction-retry';

export const createCampaign: Handler<typeof contract.campaign.createCampaign> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign: CampaignDoc = {
    id: newId(),
    name: input.name,
    level: input.level,
    term: input.term,
    ...rulesFields(input.rules),
    version: 1,
    createdAt: ctx.now().toISOString(),
  };
  await transact(ctx.store, async (tx) => {
    await tx.insert('campaigns', campaign);
    await audit(tx, ctx.now(), {
      actor, action: 'campaign.create', objectType: 'campaign', objectId: campaign.id, unitPath: actor.unitPath, after: campaign,
    });
  });
  return { campaign: campaignView(campaign, ctx.now()) };
};

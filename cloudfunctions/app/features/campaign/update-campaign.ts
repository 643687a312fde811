import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { CampaignDoc } from '../../collections';
import { accountOf } from '../../context';
import { campaignView, loadCampaign } from '../../common/campaigns';
import type { Handler } from '../../router';
import { rulesFields } from './rules-input';
import { transact } from '../../ports/transaction-retry';

/** Changes a campaign's rules on the version the office read; a stale form is refused with CONFLICT. */
export const updateCampaign: Handler<typeof contract.campaign.updateCampaign> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  const version = campaign.version ?? 1;
  if (version !== input.version) throw new AppError('CONFLICT');
  const fields = { ...rulesFields(input.rules), version: version + 1 };
  const next: CampaignDoc = { ...campaign, ...fields };
  await transact(ctx.store, async (tx) => {
    // Documents from before issue #3 carry no version: match "no version" as version 1.
    const expect = campaign.version === undefined ? { version: null } : { version };
    if (!(await tx.update('campaigns', campaign.id, { set: fields }, expect))) throw new AppError('CONFLICT');
    await audit(tx, ctx.now(), {
      actor, action: 'campaign.update', objectType: 'campaign', objectId: campaign.id, unitPath: actor.unitPath,
      before: { filingOpens: campaign.filingOpens, filingCloses: campaign.filingCloses, rules: campaign.rules },
      after: fields,
    });
  });
  return { campaign: campaignView(next, ctx.now()) };
};

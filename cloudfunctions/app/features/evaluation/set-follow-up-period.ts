import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { EvaluationSettingsDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { existingCampaign } from './aspect-tags';
import { followUpDaysOf } from './campaign-of';

/**
 * The office sets how many working days a campaign's new 差评 cases and complaints are due in; cases and
 * complaints already open keep their deadline (it is stored with each). Audited with the period before.
 */
export const setFollowUpPeriod: Handler<typeof contract.evaluation.setFollowUpPeriod> = async (ctx, input) => {
  const account = accountOf(ctx);
  const campaign = await existingCampaign(ctx.store, input.campaignId);
  const updatedAt = ctx.now().toISOString();
  const before = (await followUpDaysOf(ctx.store, campaign.id)).workingDays;
  await transact(ctx.store, async (tx) => {
    const settings = await tx.get<EvaluationSettingsDoc>('evaluationSettings', campaign.id);
    if (settings) await tx.update('evaluationSettings', campaign.id, { set: { followUpDays: input.workingDays, updatedAt } });
    else await tx.insert<EvaluationSettingsDoc>('evaluationSettings', { id: campaign.id, followUpDays: input.workingDays, updatedAt });
    await audit(tx, ctx.now(), {
      actor: account,
      action: 'evaluation.setFollowUpPeriod',
      objectType: 'campaign',
      objectId: campaign.id,
      unitPath: account.unitPath,
      before: { workingDays: before },
      after: { workingDays: input.workingDays },
    });
  });
  return { campaignId: campaign.id, workingDays: input.workingDays, isDefault: false };
};

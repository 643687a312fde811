import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { EvaluationSettingsDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { existingCampaign } from './aspect-tags';

/** The office sets the aspect tags of a campaign; evaluations already given keep theirs. Audited. */
export const setAspectTags: Handler<typeof contract.evaluation.setAspectTags> = async (ctx, input) => {
  const account = accountOf(ctx);
  const campaign = await existingCampaign(ctx.store, input.campaignId);
  const next: EvaluationSettingsDoc = { id: campaign.id, aspectTags: input.tags, updatedAt: ctx.now().toISOString() };
  await transact(ctx.store, async (tx) => {
    const before = await tx.get<EvaluationSettingsDoc>('evaluationSettings', campaign.id);
    if (before) await tx.update('evaluationSettings', campaign.id, { set: { aspectTags: next.aspectTags, updatedAt: next.updatedAt } });
    else await tx.insert('evaluationSettings', next);
    await audit(tx, ctx.now(), {
      actor: account,
      action: 'evaluation.setAspectTags',
      objectType: 'campaign',
      objectId: campaign.id,
      unitPath: account.unitPath,
      before: before?.aspectTags ?? null,
      after: next.aspectTags,
    });
  });
  return { campaignId: campaign.id, tags: input.tags, isDefault: false };
};

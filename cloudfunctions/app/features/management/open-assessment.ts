import type { contract } from '../../../../shared/contract';
import { ASSESSMENT_ITEMS } from '../../../../shared/domain/management/assessment';
import { AppError } from '../../../../shared/errors';
import type { AssessmentRoundDoc } from '../../collections/management';
import { audit } from '../../common/audit';
import { loadCampaign } from '../../common/campaigns';
import { accountOf } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { roundView } from './assessment';

/**
 * The office opens the 考评 of a campaign's term with the notice's eleven items and the default points.
 * The round's id is the campaign's, so a second opening (even at the same moment) is refused by the store.
 */
export const openAssessment: Handler<typeof contract.management.openAssessment> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  const round: AssessmentRoundDoc = {
    id: campaign.id,
    campaignId: campaign.id,
    term: campaign.term,
    title: `${campaign.term}年度青年文明号活动管理工作考评`,
    items: ASSESSMENT_ITEMS.map((item) => ({ ...item })),
    status: 'open',
    scoringStarted: false,
    openedById: actor.id,
    createdAt: ctx.now().toISOString(),
    publishedAt: null,
    version: 1,
  };
  try {
    await transact(ctx.store, async (tx) => {
      await tx.insert('assessmentRounds', round);
      await audit(tx, ctx.now(), {
        actor, action: 'management.openAssessment', objectType: 'assessmentRound', objectId: round.id, unitPath: actor.unitPath,
        after: { term: round.term, points: round.items.map((item) => [item.no, item.max]) },
      });
    });
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('ASSESSMENT_EXISTS');
    throw error;
  }
  return { round: roundView(round) };
};

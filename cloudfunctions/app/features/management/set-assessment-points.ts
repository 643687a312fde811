import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AssessmentRoundDoc } from '../../collections/management';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { loadRound, roundView } from './assessment';

/** The office changes items' points while no score has been recorded; the change is audited with the points before. */
export const setAssessmentPoints: Handler<typeof contract.management.setAssessmentPoints> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const changes = new Map(input.points.map((p) => [p.no, p.max]));
  const next = await transact(ctx.store, async (tx) => {
    const round = await loadRound(tx, input.roundId);
    if (round.status === 'published') throw new AppError('ASSESSMENT_PUBLISHED');
    if (round.scoringStarted) throw new AppError('ASSESSMENT_SCORING_STARTED');
    const items = round.items.map((item) => ({ ...item, max: changes.get(item.no) ?? item.max }));
    const updated: AssessmentRoundDoc = { ...round, items, version: round.version + 1 };
    // The guard loses to a first score or another change made meanwhile: that one runs again and decides.
    if (!(await tx.update('assessmentRounds', round.id, { set: { items, version: updated.version } }, { version: round.version, scoringStarted: false, status: 'open' }))) {
      throw new AppError('ASSESSMENT_SCORING_STARTED');
    }
    await audit(tx, ctx.now(), {
      actor, action: 'management.setAssessmentPoints', objectType: 'assessmentRound', objectId: round.id, unitPath: actor.unitPath,
      before: round.items.map((item) => [item.no, item.max]), after: items.map((item) => [item.no, item.max]),
    });
    return updated;
  });
  return { round: roundView(next) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AssessmentRoundDoc } from '../../collections/management';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { loadRound, roundView } from './assessment';

/** The office publishes: scores lock, each unit sees its own sheet, and only a correction changes a score. */
export const publishAssessment: Handler<typeof contract.management.publishAssessment> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const publishedAt = ctx.now().toISOString();
  const round = await transact(ctx.store, async (tx) => {
    const current = await loadRound(tx, input.roundId);
    if (current.status === 'published') throw new AppError('ASSESSMENT_PUBLISHED', '考评结果已发布');
    const next: AssessmentRoundDoc = { ...current, status: 'published', publishedAt, version: current.version + 1 };
    if (!(await tx.update('assessmentRounds', current.id, { set: { status: 'published', publishedAt, version: next.version } }, { status: 'open', version: current.version }))) {
      throw new AppError('CONFLICT');
    }
    await audit(tx, ctx.now(), { actor, action: 'management.publishAssessment', objectType: 'assessmentRound', objectId: current.id, unitPath: actor.unitPath, after: { publishedAt } });
    return next;
  });
  return { round: roundView(round) };
};

import type { contract } from '../../../../shared/contract';
import { APPEAL_GROUND_LABELS } from '../../../../shared/domain/evaluation/rules';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { EvaluationAppealDoc, EvaluationDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { appealView } from './appeals-view';
import { countedRating, countEvaluation } from './counts';
import { countAppeal } from './unit-counts';
import { followUpDueAt, syncCase } from './follow-up';
import { syncReview } from './reviews';

/**
 * The level-1 admin of the collective's branch (or the office) decides a pending appeal. Upheld, the
 * evaluation is folded (不计入, with the reason): kept, moved out of the counters, its comment off the public
 * page and an open follow-up case withdrawn, all in the decision's transaction. Rejected, it stands. Audited.
 */
export const decideAppeal: Handler<typeof contract.evaluation.decideAppeal> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await ctx.store.get<EvaluationAppealDoc>('evaluationAppeals', input.appealId);
  if (!found) throw new AppError('NOT_FOUND', '未找到该申诉');
  if (account.role !== 'office' && found.unitL1 !== account.unitId) throw new AppError('NOT_IN_SCOPE');
  if (found.status !== 'pending') throw new AppError('INVALID_STATE', '该申诉已复核');
  const at = ctx.now().toISOString();
  const campaignId = (await ctx.store.get<EvaluationDoc>('evaluations', found.id))?.campaignId ?? null;
  const dueAt = await followUpDueAt(ctx, campaignId);
  const decision = { by: account.id, byName: account.name, comment: input.comment, at };
  const next: EvaluationAppealDoc = { ...found, status: input.uphold ? 'upheld' : 'rejected', decision, version: found.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('evaluationAppeals', found.id, { set: { status: next.status, decision, version: next.version } }, { version: found.version, status: 'pending' }))) {
      throw new AppError('CONFLICT');
    }
    if (input.uphold) {
      const before = await tx.get<EvaluationDoc>('evaluations', found.id);
      if (!before) throw new AppError('NOT_FOUND', '未找到该评价');
      const excluded = { reason: `申诉成立（${APPEAL_GROUND_LABELS[found.ground]}）：${input.comment}`, at };
      await tx.update('evaluations', before.id, { set: { excluded, commentShown: false } });
      const after: EvaluationDoc = { ...before, excluded, commentShown: false };
      await countEvaluation(tx, before, countedRating(before), countedRating(after));
      await countAppeal(tx, before, 'appealsUpheld');
      await syncCase(tx, after, at, dueAt);
      await syncReview(tx, after, at);
    }
    await audit(tx, ctx.now(), {
      actor: account,
      action: input.uphold ? 'evaluation.upholdAppeal' : 'evaluation.rejectAppeal',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { evaluationId: found.id, ground: found.ground },
      reason: input.comment,
    });
  });
  const view = await appealView(ctx, next);
  if (!view) throw new AppError('NOT_FOUND', '未找到该申诉');
  return { appeal: view };
};

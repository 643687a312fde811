import type { contract } from '../../../../shared/contract';
import { pathIds } from '../../../../shared/domain/unit-tree';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { EvaluationAppealDoc, EvaluationDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import { countAppeal } from './unit-counts';
import type { Handler } from '../../router';
import { appealView } from './appeals-view';

/**
 * A collective appeals one of its evaluations as 误评 or 恶意 with its reasons, once (the appeal's id is the
 * evaluation's). It goes to the level-1 admin of the collective's branch. Audited with the appeal.
 */
export const appeal: Handler<typeof contract.evaluation.appeal> = async (ctx, input) => {
  const account = accountOf(ctx);
  const evaluation = await ctx.store.get<EvaluationDoc>('evaluations', input.evaluationId);
  const collective = evaluation ? await ctx.store.get<CollectiveDoc>('collectives', evaluation.collectiveId) : null;
  // Someone else's evaluation, or one still held for review, is as unknown as a missing one.
  if (!evaluation || !collective || collective.accountId !== account.id || evaluation.held) throw new AppError('NOT_FOUND', '未找到该评价');
  if (evaluation.excluded) throw new AppError('INVALID_STATE', '该评价已不计入');
  const at = ctx.now().toISOString();
  const doc: EvaluationAppealDoc = {
    id: evaluation.id, collectiveId: collective.id, unitPath: collective.unitPath, unitL1: pathIds(collective.unitPath)[1] ?? '',
    ground: input.ground, reasons: input.reasons, status: 'pending', decision: null, createdAt: at, version: 1,
  };
  try {
    await transact(ctx.store, async (tx) => {
      await tx.insert('evaluationAppeals', doc);
      // Read again inside: whether the units' counters hold it yet (the data upgrade counts older ones with their appeal).
      const counted = await tx.get<EvaluationDoc>('evaluations', evaluation.id);
      if (counted) await countAppeal(tx, counted, 'appeals');
      await audit(tx, ctx.now(), { actor: account, action: 'evaluation.appeal', objectType: 'collective', objectId: collective.id, unitPath: collective.unitPath, after: { evaluationId: evaluation.id, ground: input.ground } });
    });
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('INVALID_STATE', '该评价已申诉过');
    throw error;
  }
  const view = await appealView(ctx, doc);
  if (!view) throw new AppError('NOT_FOUND', '未找到该评价');
  return { appeal: view };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { EvaluationCaseDoc, EvaluationDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { visitorOf } from '../../common/identity';
import { checkLimits } from '../../limits/policy';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { myEvaluationView } from './views';
import { publicCodeOf } from './pages';
import { escalation } from './follow-up';
import { enqueueMessages, escalationMessages } from './escalation-notice';
import { afterCommit } from '../../outbox/perform';

/**
 * The evaluator rates how the collective handled their 差评 (满意 / 基本满意 / 不满意), once, after its answer.
 * Someone else's evaluation is as unknown as a missing one; the rating lands only on a case still unrated.
 * 不满意 sends the case to the managing unit's queue.
 */
export const rateHandling: Handler<typeof contract.evaluation.rateHandling> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  await checkLimits(ctx, 'evaluate', { visitor: visitorId });
  const evaluation = await ctx.store.get<EvaluationDoc>('evaluations', input.evaluationId);
  const found = evaluation && evaluation.visitorId === visitorId ? await ctx.store.get<EvaluationCaseDoc>('evaluationCases', evaluation.id) : null;
  if (!evaluation || !found || found.status === 'withdrawn') throw new AppError('NOT_FOUND', '未找到该差评');
  if (found.status !== 'answered') throw new AppError('INVALID_STATE', '集体答复后才能评价处理结果');
  if (found.handlingRating) throw new AppError('INVALID_STATE', '已评价过处理结果');
  const at = ctx.now().toISOString();
  // A 不满意 handling goes to the managing unit (whose admins are told), unless the case is there already.
  const escalates = input.rating === 'dissatisfied' && !found.escalated;
  const messages = escalates ? await escalationMessages(ctx, found, 'dissatisfied') : [];
  const records = await transact(ctx.store, async (tx) => {
    const set = { handlingRating: input.rating, ...(escalates ? escalation('dissatisfied', at) : {}), updatedAt: at, version: found.version + 1 };
    if (!(await tx.update('evaluationCases', found.id, { set }, { version: found.version }))) throw new AppError('CONFLICT');
    return enqueueMessages(tx, ctx.now(), messages);
  });
  await afterCommit(ctx, records);
  const collective = await ctx.store.get<CollectiveDoc>('collectives', evaluation.collectiveId);
  if (!collective) throw new AppError('NOT_FOUND', '未找到该集体');
  return { evaluation: myEvaluationView(evaluation, { code: await publicCodeOf(ctx.store, collective.id), name: collective.name }, null, { ...found, handlingRating: input.rating }) };
};

import type { contract } from '../../../../shared/contract';
import type { EvaluationReviewDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { evaluationReviewView } from './reviews';

/**
 * The managing units' review queue: held evaluations and comments under content review of the caller's
 * subtree's collectives, pending or decided, newest first. The office reads them all; a level-k admin those
 * whose collective's ancestor at level k is their unit (one equality, one index).
 */
export const evaluationReviews: Handler<typeof contract.evaluation.evaluationReviews> = async (ctx, input) => {
  const account = accountOf(ctx);
  const where: Filter = account.role === 'office' ? { status: input.status } : { [`unitL${account.level}`]: account.unitId, status: input.status };
  const page = await ctx.store.find<EvaluationReviewDoc>('evaluationReviews', { where, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  const items = [];
  for (const r of page.items) {
    const view = await evaluationReviewView(ctx.store, r);
    if (view) items.push(view);
  }
  return { items, nextCursor: page.nextCursor };
};

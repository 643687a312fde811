import type { contract } from '../../../../shared/contract';
import type { EvaluationDoc } from '../../collections/evaluation';
import { visitorOf } from '../../common/identity';
import type { Handler } from '../../router';
import { myEvaluationViews } from './views';

/** The caller's own evaluations, newest (or latest changed) first. */
export const myEvaluations: Handler<typeof contract.evaluation.myEvaluations> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  const page = await ctx.store.find<EvaluationDoc>('evaluations', {
    where: { visitorId },
    orderBy: { fields: ['updatedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await myEvaluationViews(ctx, page.items), nextCursor: page.nextCursor };
};

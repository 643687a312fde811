import type { contract } from '../../../../shared/contract';
import type { EvaluationDoc } from '../../collections/evaluation';
import type { Handler } from '../../router';
import { readSummary } from './counts';
import { ownCollectiveId } from './pages';
import { evaluationView } from './views';

/** The calling collective's evaluations, newest first, with its figures; nothing about who gave them, nothing held for review. */
export const collectiveEvaluations: Handler<typeof contract.evaluation.collectiveEvaluations> = async (ctx, input) => {
  const collectiveId = await ownCollectiveId(ctx);
  const page = await ctx.store.find<EvaluationDoc>('evaluations', {
    where: { collectiveId, held: false },
    orderBy: { fields: ['updatedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { summary: await readSummary(ctx.store, collectiveId), items: page.items.map(evaluationView), nextCursor: page.nextCursor };
};

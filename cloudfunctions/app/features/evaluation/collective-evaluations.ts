import type { contract } from '../../../../shared/contract';
import type { EvaluationDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { collectiveOfAccount } from '../../filing/support';
import type { Handler } from '../../router';
import { readSummary } from './counts';
import { evaluationView } from './views';

/** The calling collective's evaluations, newest first, with its figures; nothing about who gave them, nothing held for review. */
export const collectiveEvaluations: Handler<typeof contract.evaluation.collectiveEvaluations> = async (ctx, input) => {
  const collective = await collectiveOfAccount(ctx, accountOf(ctx));
  const page = await ctx.store.find<EvaluationDoc>('evaluations', {
    where: { collectiveId: collective.id, held: false },
    orderBy: { fields: ['updatedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { summary: await readSummary(ctx.store, collective.id), items: page.items.map(evaluationView), nextCursor: page.nextCursor };
};

import type { contract } from '../../../../shared/contract';
import type { EvaluationDoc } from '../../collections/evaluation';
import type { Store } from '../../ports/store';
import type { Handler } from '../../router';
import { targetByCode } from './pages';
import { evaluationView } from './views';

/** A page of a collective's public comments, newest first: only those that passed content security. */
export async function commentsPage(store: Store, collectiveId: string, after: string | undefined, limit: number) {
  const page = await store.find<EvaluationDoc>('evaluations', {
    where: { collectiveId, commentShown: true },
    orderBy: { fields: ['updatedAt'], direction: 'desc' },
    after,
    limit,
  });
  return { items: page.items.map(evaluationView), nextCursor: page.nextCursor };
}

export const comments: Handler<typeof contract.evaluation.comments> = async (ctx, input) => {
  const { collective } = await targetByCode(ctx.store, input.code);
  return commentsPage(ctx.store, collective.id, input.cursor, input.limit);
};

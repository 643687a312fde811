import type { contract } from '../../../../shared/contract';
import type { CaseView } from '../../../../shared/contract/evaluation-views';
import type { EvaluationCaseDoc, EvaluationDoc } from '../../collections/evaluation';
import type { Store } from '../../ports/store';
import type { Handler } from '../../router';
import { ownCollectiveId } from './pages';
import { evaluationView, replyView } from './views';

/** A case with its evaluation, as the collective sees it; overdue when still open at `now`. */
export async function caseView(store: Store, c: EvaluationCaseDoc, now: Date): Promise<CaseView | null> {
  const evaluation = await store.get<EvaluationDoc>('evaluations', c.id);
  if (!evaluation || c.status === 'withdrawn') return null;
  return {
    id: c.id,
    evaluation: evaluationView(evaluation),
    status: c.status,
    openedAt: c.openedAt,
    dueAt: c.dueAt,
    overdue: c.status === 'open' && now.toISOString() >= c.dueAt,
    reply: replyView(c),
  };
}

/** The calling collective's 差评 to follow up, soonest deadline first, or those it answered. */
export const collectiveCases: Handler<typeof contract.evaluation.collectiveCases> = async (ctx, input) => {
  const page = await ctx.store.find<EvaluationCaseDoc>('evaluationCases', {
    where: { collectiveId: await ownCollectiveId(ctx), status: input.status },
    orderBy: { fields: ['dueAt'], direction: input.status === 'open' ? 'asc' : 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  const items: CaseView[] = [];
  for (const c of page.items) {
    const view = await caseView(ctx.store, c, ctx.now());
    if (view) items.push(view);
  }
  return { items, nextCursor: page.nextCursor };
};

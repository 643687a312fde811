import type { contract } from '../../../../shared/contract';
import type { AppealView } from '../../../../shared/contract/evaluation-views';
import type { EvaluationAppealDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { appealView } from './appeals-view';
import { ownCollectiveId } from './pages';

/**
 * Appeals by status, oldest first: a collective's own; a level-1 admin's branch (an equality on unitL1);
 * all of them for the office.
 */
export const appeals: Handler<typeof contract.evaluation.appeals> = async (ctx, input) => {
  const account = accountOf(ctx);
  let where: Filter;
  if (account.role === 'collective') where = { collectiveId: await ownCollectiveId(ctx), status: input.status };
  else if (account.role === 'office') where = { status: input.status };
  else where = { unitL1: account.unitId, status: input.status };
  const page = await ctx.store.find<EvaluationAppealDoc>('evaluationAppeals', { where, orderBy: { fields: ['createdAt'], direction: 'asc' }, after: input.cursor, limit: input.limit });
  const items: AppealView[] = [];
  for (const a of page.items) {
    const view = await appealView(ctx, a);
    if (view) items.push(view);
  }
  return { items, nextCursor: page.nextCursor };
};

import type { contract } from '../../../../shared/contract';
import type { Filter } from '../../ports/store';
import type { EvaluationCaseDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { caseView } from './collective-cases';
import { publicCodeOf } from './pages';

const ESCALATION_LABELS = { overdue: '逾期未答复', dissatisfied: '评价人对处理结果不满意' } as const;

/**
 * The managing units' queue: 差评 cases escalated within the caller's subtree, newest first. The office
 * reads them all; a level-k admin reads those whose collective's ancestor at level k is their unit (an
 * equality that one index serves with the order).
 */
export const escalatedCases: Handler<typeof contract.evaluation.escalatedCases> = async (ctx, input) => {
  const account = accountOf(ctx);
  const where: Filter = account.role === 'office' ? { escalated: true } : { [`unitL${account.level}`]: account.unitId, escalated: true };
  const page = await ctx.store.find<EvaluationCaseDoc>('evaluationCases', { where, orderBy: { fields: ['escalatedAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  const items = [];
  for (const c of page.items) {
    const view = await caseView(ctx.store, c, ctx.now());
    const collective = await ctx.store.get<CollectiveDoc>('collectives', c.collectiveId);
    if (!view || !collective || !c.escalation || !c.escalatedAt) continue;
    items.push({
      ...view,
      collective: { code: await publicCodeOf(ctx.store, collective.id), name: collective.name },
      escalation: c.escalation,
      escalationLabel: ESCALATION_LABELS[c.escalation],
      escalatedAt: c.escalatedAt,
    });
  }
  return { items, nextCursor: page.nextCursor };
};

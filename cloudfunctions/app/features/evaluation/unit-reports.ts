import type { contract } from '../../../../shared/contract';
import type { SupervisionReportDoc } from '../../collections/supervision';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitReportView } from './supervision-views';

/**
 * The queue of 明察暗访 reports filed by supervisors the caller's subtree appointed, newest first: the
 * office reads them all, a level-k admin one equality on the appointing unit's ancestor at k.
 */
export const unitReports: Handler<typeof contract.evaluation.unitReports> = async (ctx, input) => {
  const account = accountOf(ctx);
  const where: Filter = account.role === 'office' ? { status: input.status } : { [`unitL${account.level}`]: account.unitId, status: input.status };
  const page = await ctx.store.find<SupervisionReportDoc>('supervisionReports', { where, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  return { items: await Promise.all(page.items.map((r) => unitReportView(ctx.store, r))), nextCursor: page.nextCursor };
};

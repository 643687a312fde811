import type { contract } from '../../../../shared/contract';
import type { ComplaintDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitComplaintView } from './complaint-views';

/**
 * The managing units' queue of complaints, pending or responded, newest first. The office reads them all; a
 * level-k admin those whose collective's ancestor at level k is their unit (one equality, one index).
 */
export const unitComplaints: Handler<typeof contract.evaluation.unitComplaints> = async (ctx, input) => {
  const account = accountOf(ctx);
  const where: Filter = account.role === 'office' ? { status: input.status } : { [`unitL${account.level}`]: account.unitId, status: input.status };
  const page = await ctx.store.find<ComplaintDoc>('complaints', { where, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  return { items: await Promise.all(page.items.map((c) => unitComplaintView(ctx.store, c, ctx.now()))), nextCursor: page.nextCursor };
};

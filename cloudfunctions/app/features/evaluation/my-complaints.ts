import type { contract } from '../../../../shared/contract';
import type { ComplaintDoc } from '../../collections/evaluation';
import { visitorOf } from '../../common/identity';
import type { Handler } from '../../router';
import { myComplaintViews } from './complaint-views';

/** The caller's own complaints with the managing unit's responses, newest first. */
export const myComplaints: Handler<typeof contract.evaluation.myComplaints> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  const page = await ctx.store.find<ComplaintDoc>('complaints', { where: { visitorId }, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  return { items: await myComplaintViews(ctx.store, page.items), nextCursor: page.nextCursor };
};

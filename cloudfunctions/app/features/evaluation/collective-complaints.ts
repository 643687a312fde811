import type { contract } from '../../../../shared/contract';
import type { CollectiveComplaintView } from '../../../../shared/contract/evaluation-views';
import type { ComplaintDoc } from '../../collections/evaluation';
import type { Handler } from '../../router';
import { collectiveComplaintView } from './complaint-views';
import { ownCollectiveId } from './pages';

/** The calling collective's upheld complaints that ask it to rectify, newest first (one index). */
export const collectiveComplaints: Handler<typeof contract.evaluation.collectiveComplaints> = async (ctx, input) => {
  const where = { collectiveId: await ownCollectiveId(ctx), rectificationRequested: true };
  const page = await ctx.store.find<ComplaintDoc>('complaints', { where, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  return { items: page.items.map(collectiveComplaintView).filter((v): v is CollectiveComplaintView => v !== null), nextCursor: page.nextCursor };
};

import type { contract } from '../../../../shared/contract';
import type { TransferRequestDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { transferRequestView } from '../../common/filing-views';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';

/** Transfer requests of one side of the caller's scope, newest first: out of it (to decide) or into it (asked). */
export const listTransferRequests: Handler<typeof contract.review.listTransferRequests> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const where: Filter = { [input.side === 'incoming' ? 'fromUnitPath' : 'toUnitPath']: { $prefix: actor.unitPath } };
  if (input.status) where.status = input.status;
  const page = await ctx.store.find<TransferRequestDoc>('transferRequests', {
    where,
    orderBy: { fields: ['requestedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await Promise.all(page.items.map((r) => transferRequestView(ctx.store, r, actor))), nextCursor: page.nextCursor };
};

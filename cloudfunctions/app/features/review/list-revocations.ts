import type { contract } from '../../../../shared/contract';
import type { RevocationDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { revocationView } from '../../common/filing-views';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';

export const listRevocations: Handler<typeof contract.review.listRevocations> = async (ctx, input) => {
  const where: Filter = { unitPath: { $prefix: accountOf(ctx).unitPath } };
  if (input.status) where.status = input.status;
  const page = await ctx.store.find<RevocationDoc>('revocations', {
    where,
    orderBy: { fields: ['requestedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await Promise.all(page.items.map((r) => revocationView(ctx.store, r))), nextCursor: page.nextCursor };
};

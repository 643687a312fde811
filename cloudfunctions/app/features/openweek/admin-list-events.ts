import type { contract } from '../../../../shared/contract';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { managedEventViews } from './views';

/** Events in the admin's unit and subtree (or a unit of it), newest first; counts only, no personal data. */
export const adminListEvents: Handler<typeof contract.openweek.adminListEvents> = async (ctx, input) => {
  const unit = await unitInScope(ctx, input.unitId ?? accountOf(ctx).unitId);
  const page = await ctx.store.find<EventDoc>('events', {
    where: { unitPath: { $prefix: unit.path } },
    orderBy: { fields: ['createdAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await managedEventViews(ctx.store, page.items), nextCursor: page.nextCursor };
};

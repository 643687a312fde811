import type { contract } from '../../../../shared/contract';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { managedEventViews } from './views';

/** The collective's own events, newest first. */
export const myEvents: Handler<typeof contract.openweek.myEvents> = async (ctx, input) => {
  const page = await ctx.store.find<EventDoc>('events', {
    where: { collectiveId: accountOf(ctx).id },
    orderBy: { fields: ['createdAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await managedEventViews(ctx.store, page.items), nextCursor: page.nextCursor };
};

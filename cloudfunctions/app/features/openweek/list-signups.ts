import type { contract } from '../../../../shared/contract';
import type { SignupDoc } from '../../collections/openweek';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { attendeeView } from './views';
import { ownEvent } from './loaders';

/** The organizing collective's signup list, in full (names and phones), in signup order. */
export const listSignups: Handler<typeof contract.openweek.listSignups> = async (ctx, input) => {
  const event = await ownEvent(ctx, input.eventId);
  const where: Filter = { eventId: event.id };
  if (input.status) where.status = input.status;
  const page = await ctx.store.find<SignupDoc>('signups', {
    where,
    orderBy: { fields: ['createdAt'], direction: 'asc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: page.items.map(attendeeView), nextCursor: page.nextCursor };
};

import type { contract } from '../../../../shared/contract';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import type { Handler } from '../../router';
import { mySignupView } from './views';
import { visitorOf } from '../../common/identity';

/** The caller's own signups only: upcoming soonest first, past latest first. */
export const mySignups: Handler<typeof contract.openweek.mySignups> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  const now = ctx.now().toISOString();
  const upcoming = input.when === 'upcoming';
  const page = await ctx.store.find<SignupDoc>('signups', {
    where: { visitorId, eventStartAt: upcoming ? { $gte: now } : { $lt: now } },
    orderBy: { fields: ['eventStartAt'], direction: upcoming ? 'asc' : 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  const events = new Map<string, EventDoc | null>();
  const items = [];
  for (const s of page.items) {
    if (!events.has(s.eventId)) events.set(s.eventId, await ctx.store.get<EventDoc>('events', s.eventId));
    const event = events.get(s.eventId);
    if (event) items.push(await mySignupView(ctx.store, s, event));
  }
  return { items, nextCursor: page.nextCursor };
};

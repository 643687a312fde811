import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { campaignName, publicEvent, signupOfVisitor } from './loaders';
import { eventView, mySignupView } from './views';
import { seatCountsFor } from './seat-shards';

/** The event page: everything public about the event, and the caller's own signup if any. */
export const getEvent: Handler<typeof contract.openweek.getEvent> = async (ctx, input) => {
  const event = await publicEvent(ctx.store, input.eventId);
  const signup = ctx.visitor ? await signupOfVisitor(ctx.store, event.id, ctx.visitor) : null;
  return {
    event: eventView(event, await campaignName(ctx.store, event.campaignId), await seatCountsFor(ctx.store, event)),
    mySignup: signup ? await mySignupView(ctx.store, signup, event) : null,
  };
};

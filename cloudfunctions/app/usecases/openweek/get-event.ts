import type { contract } from '../../../../shared/contract';
import type { SignupDoc } from '../../collections/openweek';
import type { Handler } from '../../router';
import { campaignName, eventView, mySignupView, publicEvent, signupIdOf } from './helpers';

/** The event page: everything public about the event, and the caller's own signup if any. */
export const getEvent: Handler<typeof contract.openweek.getEvent> = async (ctx, input) => {
  const event = await publicEvent(ctx.store, input.eventId);
  const signup = ctx.visitor ? await ctx.store.get<SignupDoc>('signups', signupIdOf(event.id, ctx.visitor)) : null;
  return {
    event: eventView(event, await campaignName(ctx.store, event.campaignId)),
    mySignup: signup ? await mySignupView(ctx.store, signup, event) : null,
  };
};

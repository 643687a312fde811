import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { campaignName, managedEventView, ownEvent } from './helpers';

/** One of the collective's events with its live counts (seats taken, waiting, checked in). */
export const getManagedEvent: Handler<typeof contract.openweek.getManagedEvent> = async (ctx, input) => {
  const event = await ownEvent(ctx, input.eventId);
  return { event: managedEventView(event, await campaignName(ctx.store, event.campaignId)) };
};

import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { managedEventViewOf } from './views';
import { ownEvent } from './loaders';

/** One of the collective's events with its live counts (seats taken, waiting, checked in). */
export const getManagedEvent: Handler<typeof contract.openweek.getManagedEvent> = async (ctx, input) => {
  const event = await ownEvent(ctx, input.eventId);
  return { event: await managedEventViewOf(ctx.store, event) };
};

import { SIGNUP_STATUS_RULES } from '../../../../shared/domain/openweek/event-rules';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import type { Deps } from '../../context';
import { OUTBOX_PAGE, type OutboxWork } from '../../outbox/records';
import type { Page } from '../../ports/store';
import { cancelledMessage } from './visitor-messages';
import { fillFreeSeats } from './seats';

/**
 * The open week's follow-up work, performed from the outbox one step at a time (outbox/perform.ts):
 * each step reads one page of an event's signups after the saved cursor, so no request and no step
 * loops over an unbounded list.
 */
type Work<K extends OutboxWork['kind']> = Extract<OutboxWork, { kind: K }>;

function signupPage(deps: Deps, eventId: string, cursor: string | null): Promise<Page<SignupDoc>> {
  return deps.store.find<SignupDoc>('signups', { where: { eventId }, orderBy: { fields: ['createdAt'], direction: 'asc' }, after: cursor, limit: OUTBOX_PAGE });
}

/** Everyone on this page who is still signed up (confirmed, pending, waiting) is told. A repeated page tells them again. */
export async function tellEventCancelled(deps: Deps, work: Work<'tellEventCancelled'>, cursor: string | null) {
  const event = await deps.store.get<EventDoc>('events', work.eventId);
  if (!event) return { next: null, spawned: [] };
  const page = await signupPage(deps, event.id, cursor);
  for (const signup of page.items) {
    if (SIGNUP_STATUS_RULES[signup.status].active) await deps.notifier.send(cancelledMessage(signup, event, work.reason));
  }
  return { next: page.nextCursor, spawned: [] };
}

/**
 * Signups keep their event's start beside them (for "my signups" and the reminder's index). Each one on
 * the page that differs from the event's start now takes it and may be reminded again: a repeat, or a
 * second move meanwhile, changes nothing twice.
 */
export async function followEventStart(deps: Deps, work: Work<'followEventStart'>, cursor: string | null) {
  const event = await deps.store.get<EventDoc>('events', work.eventId);
  if (!event) return { next: null, spawned: [] };
  const page = await signupPage(deps, event.id, cursor);
  for (const signup of page.items) {
    if (signup.eventStartAt === event.startAt) continue;
    await deps.store.update('signups', signup.id, { set: { eventStartAt: event.startAt, remindedAt: null } }, { eventStartAt: { $ne: event.startAt } });
  }
  return { next: page.nextCursor, spawned: [] };
}

/** Up to a page of promotions into seats that a bigger capacity freed; their messages are spawned. */
export async function fillFreeSeatsStep(deps: Deps, work: Work<'fillFreeSeats'>) {
  const { work: spawned, more } = await fillFreeSeats(deps, work.eventId, OUTBOX_PAGE);
  return { next: more ? 'more' : null, spawned };
}

import { AppError } from '../../../../shared/errors';
import { placeFor, SIGNUP_STATUS_RULES } from '../../../../shared/domain/openweek/event-rules';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import { audit, type AuditActor } from '../../audit';
import type { Deps } from '../../context';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { Message } from '../../ports/notifier';
import { DuplicateKeyError, type StoreOps } from '../../ports/store';
import { Retry, withRetries } from '../../ports/transaction-retry';
import { newId } from '../../security/random';
import { seatStatus, signupOfVisitor } from './helpers';
import { promotedMessage } from './notify';

/**
 * Seats move only here. The event document's counters (`seatsTaken`, `waiting`, `waitSeq`) change by
 * conditional updates inside transactions that re-read the event, so capacity is never exceeded:
 * - a newcomer takes a seat only while one is free AND nobody waits (a freed seat belongs to the
 *   first in line, never to whoever clicks fastest), otherwise joins the waitlist with the next order key;
 * - a released seat (cancel, rejection) passes in the same transaction to exactly one waiting person,
 *   the one with the lowest order key, or becomes free when nobody waits.
 * Whoever is promoted is told through the outbox, written in the promotion's transaction.
 */

/** The first person on the waitlist, read outside the transaction (CloudBase allows no query inside) and re-checked inside. */
async function firstWaiting(ctx: Deps, eventId: string): Promise<SignupDoc | null> {
  const page = await ctx.store.find<SignupDoc>('signups', {
    where: { eventId, status: 'waitlisted' },
    orderBy: { fields: ['waitOrder'], direction: 'asc' },
    limit: 1,
  });
  return page.items[0] ?? null;
}

export interface Released {
  signup: SignupDoc;
  promoted: SignupDoc | null;
  /** The messages written with it (to the promoted person, and `tell`'s), for the caller's `afterCommit`. */
  work: OutboxDoc[];
}

/**
 * Moves an active signup to `cancelled` or `rejected`. If it held a seat, the seat passes to the first
 * waiting person in the same transaction, which also writes the message telling them (and `tell`'s
 * message to the person released, if any).
 */
export async function releaseSignup(
  ctx: Deps,
  signupId: string,
  to: 'cancelled' | 'rejected',
  actor: AuditActor,
  check: (signup: SignupDoc, event: EventDoc) => void,
  tell?: (signup: SignupDoc, event: EventDoc) => Message,
): Promise<Released> {
  return withRetries(async () => {
    const seen = await ctx.store.get<SignupDoc>('signups', signupId);
    if (!seen || !SIGNUP_STATUS_RULES[seen.status].active) throw new AppError('SIGNUP_NOT_ACTIVE');
    const holdsSeat = SIGNUP_STATUS_RULES[seen.status].holdsSeat;
    const candidate = holdsSeat ? await firstWaiting(ctx, seen.eventId) : null;
    const now = ctx.now().toISOString();
    return ctx.store.transaction(async (tx) => {
      const signup = await tx.get<SignupDoc>('signups', signupId);
      const event = await tx.get<EventDoc>('events', seen.eventId);
      if (!signup || !event) throw new Retry();
      if (signup.status !== seen.status) throw new Retry();
      check(signup, event);
      if (!(await tx.update('signups', signup.id, { set: { status: to, waitOrder: 0, updatedAt: now } }, { status: signup.status }))) throw new Retry();
      let promoted: SignupDoc | null = null;
      if (!holdsSeat) {
        if (!(await tx.update('events', event.id, { inc: { waiting: -1 }, set: { updatedAt: now } }, { waiting: event.waiting }))) throw new Retry();
      } else if (event.waiting > 0 && event.seatsTaken <= event.capacity) {
        if (!candidate) throw new Retry();
        promoted = await promote(tx, event, candidate.id, now);
      } else {
        if (!(await tx.update('events', event.id, { inc: { seatsTaken: -1 }, set: { updatedAt: now } }, { seatsTaken: event.seatsTaken, waiting: event.waiting }))) {
          throw new Retry();
        }
      }
      await audit(tx, ctx.now(), {
        actor,
        action: to === 'cancelled' ? 'openweek.cancelSignup' : 'openweek.rejectSignup',
        objectType: 'signup',
        objectId: signup.id,
        unitPath: event.unitPath,
        before: { status: signup.status },
        after: { status: to, promoted: promoted?.id ?? null },
      });
      const work: OutboxDoc[] = [];
      if (promoted) work.push(await enqueue(tx, ctx.now(), { kind: 'message', message: promotedMessage(promoted, event) }));
      if (tell) work.push(await enqueue(tx, ctx.now(), { kind: 'message', message: tell(signup, event) }));
      return { signup: { ...signup, status: to, waitOrder: 0, updatedAt: now }, promoted, work };
    });
  });
}

/** Inside a transaction: the waiting candidate takes the seat just released (seatsTaken unchanged, waiting −1). */
async function promote(tx: StoreOps, event: EventDoc, candidateId: string, now: string): Promise<SignupDoc> {
  const candidate = await tx.get<SignupDoc>('signups', candidateId);
  if (!candidate || candidate.status !== 'waitlisted') throw new Retry();
  const status = seatStatus(event);
  if (!(await tx.update('signups', candidate.id, { set: { status, waitOrder: 0, updatedAt: now } }, { status: 'waitlisted', waitOrder: candidate.waitOrder }))) {
    throw new Retry();
  }
  if (!(await tx.update('events', event.id, { inc: { waiting: -1 }, set: { updatedAt: now } }, { waiting: event.waiting, seatsTaken: event.seatsTaken }))) {
    throw new Retry();
  }
  await audit(tx, new Date(now), {
    actor: null,
    action: 'openweek.promote',
    objectType: 'signup',
    objectId: candidate.id,
    unitPath: event.unitPath,
    before: { status: 'waitlisted', waitOrder: candidate.waitOrder },
    after: { status },
  });
  return { ...candidate, status, waitOrder: 0, updatedAt: now };
}

/**
 * After capacity grew (outbox work `fillFreeSeats`): fills free seats from the head of the waitlist, one
 * transaction per seat that also writes the promoted person's message, at most `max` seats per call.
 * Answers the messages written and whether seats and waiting people may both be left.
 */
export async function fillFreeSeats(ctx: Deps, eventId: string, max: number): Promise<{ work: OutboxDoc[]; more: boolean }> {
  const work: OutboxDoc[] = [];
  while (work.length < max) {
    const next = await withRetries(async () => {
      const candidate = await firstWaiting(ctx, eventId);
      const now = ctx.now().toISOString();
      return ctx.store.transaction(async (tx) => {
        const event = await tx.get<EventDoc>('events', eventId);
        if (!event || event.status !== 'published' || event.seatsTaken >= event.capacity || event.waiting === 0) return null;
        if (!candidate) throw new Retry();
        if (!(await tx.update('events', event.id, { inc: { seatsTaken: 1 } }, { seatsTaken: event.seatsTaken, capacity: event.capacity }))) throw new Retry();
        const promoted = await promote(tx, { ...event, seatsTaken: event.seatsTaken + 1 }, candidate.id, now);
        return enqueue(tx, ctx.now(), { kind: 'message', message: promotedMessage(promoted, event) });
      });
    });
    if (!next) return { work, more: false };
    work.push(next);
  }
  return { work, more: true };
}

export interface Details {
  name: string;
  phone: string;
  answer: string | null;
  checkInCode: string;
}

/**
 * One signup per person per event. A first signup is inserted under a random id; the unique
 * (eventId, visitorId) index refuses a second one, and that attempt starts over looking the person's
 * signup up by (eventId, visitorId) before the transaction (CloudBase allows no query inside one) and
 * re-reading it inside. So a retried or doubled request returns the existing signup and a cancelled one
 * is taken up again, while the common case — someone signing up once — costs no extra query.
 */
export async function takePlace(
  ctx: Deps,
  eventId: string,
  visitorId: string,
  details: (event: EventDoc) => Details,
  check: (event: EventDoc) => void,
): Promise<{ signup: SignupDoc; event: EventDoc; alreadySignedUp: boolean; position?: number }> {
  let lookUp = false;
  return withRetries(async () => {
    const seen = lookUp ? await signupOfVisitor(ctx.store, eventId, visitorId) : null;
    const signupId = seen?.id ?? newId();
    return ctx.store.transaction(async (tx) => {
      const event = await tx.get<EventDoc>('events', eventId);
      if (!event || event.hidden || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
      const existing = seen ? await tx.get<SignupDoc>('signups', signupId) : null;
      if (seen && !existing) throw new Retry();
      if (existing && SIGNUP_STATUS_RULES[existing.status].active) return { signup: existing, event, alreadySignedUp: true };
      if (existing?.status === 'rejected') throw new AppError('SIGNUP_REJECTED');
      check(event);
      const given = details(event);

      const now = ctx.now().toISOString();
      const place = placeFor(event);
      let status: SignupDoc['status'];
      let waitOrder = 0;
      if (place === 'seat') {
        const took = await tx.update(
          'events',
          event.id,
          { inc: { seatsTaken: 1 } },
          { status: 'published', capacity: event.capacity, seatsTaken: { $lt: event.capacity }, waiting: 0 },
        );
        if (!took) throw new Retry();
        status = seatStatus(event);
      } else {
        waitOrder = event.waitSeq + 1;
        const queued = await tx.update('events', event.id, { inc: { waiting: 1, waitSeq: 1 } }, { status: 'published', waitSeq: event.waitSeq });
        if (!queued) throw new Retry();
        status = 'waitlisted';
      }
      const signup: SignupDoc = {
        id: signupId,
        eventId: event.id,
        visitorId,
        eventStartAt: event.startAt,
        status,
        name: given.name,
        phone: given.phone,
        answer: given.answer,
        waitOrder,
        checkInCode: existing?.checkInCode ?? given.checkInCode,
        checkedInAt: null,
        remindedAt: null,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      if (existing) {
        const { id: _id, ...rest } = signup;
        if (!(await tx.update('signups', signupId, { set: rest }, { status: existing.status }))) throw new Retry();
      } else {
        try {
          await tx.insert('signups', signup);
        } catch (error) {
          // The person has a signup here already (or their other request got there first): look it up and answer that one.
          if (error instanceof DuplicateKeyError) {
            lookUp = true;
            throw new Retry();
          }
          throw error;
        }
      }
      await audit(tx, ctx.now(), {
        actor: { kind: 'visitor', signupId },
        action: 'openweek.signUp',
        objectType: 'signup',
        objectId: signupId,
        unitPath: event.unitPath,
        after: { status, waitOrder },
      });
      // Joining the end of the line: everyone waiting before is ahead.
      return { signup, event, alreadySignedUp: false, position: status === 'waitlisted' ? event.waiting + 1 : undefined };
    });
  });
}

import { AppError } from '../../../../shared/errors';
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SIGNUP_STATUS_RULES, type SignupStatus } from '../../../../shared/domain/openweek/event-rules';
import type { EventDoc, SeatShardDoc, SignupDoc } from '../../collections/openweek';
import { audit, type AuditActor } from '../../common/audit';
import type { Deps } from '../../context';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { Message } from '../../ports/notifier';
import { DuplicateKeyError, type StoreOps } from '../../ports/store';
import { Retry, withRetries } from '../../ports/transaction-retry';
import { newId } from '../../security/random';
import { signupOfVisitor } from './loaders';
import { promotedMessage } from './visitor-messages';
import { countsOf, leaveQueue, readShards, setQueue, shardEventSeats, shardId, shardsOf, updateShard } from './seat-shards';

/** Where a person promoted from the waitlist lands. */
const seatStatus = (e: EventDoc): SignupStatus => (e.requiresApproval ? 'pending' : 'confirmed');

/**
 * Seats move only here, on the event's seat shards (seat-shards.ts), by conditional updates inside
 * transactions that re-read them, so capacity is never exceeded:
 * - a newcomer takes a seat only while one is free AND nobody waits (a freed seat belongs to the
 *   first in line, never to whoever clicks fastest), otherwise joins the waitlist with an arrival key;
 * - a released seat (cancel, rejection) passes in the same transaction to exactly one waiting person,
 *   the one with the lowest order key, or becomes free when nobody waits.
 * Whoever is promoted is told through the outbox, written in the promotion's transaction.
 */

/**
 * The waitlist order key: the arrival time in microseconds, from this instance's clock (monotonic
 * within it), so no shared counter is written. Keys of events from before issue #9 are small integers
 * and stay ahead; equal keys (never seen, but possible across instances) are ordered by signup id.
 */
const arrivalKey = (): number => Math.floor((performance.timeOrigin + performance.now()) * 1000);

/** The first person on the waitlist, read outside the transaction (CloudBase allows no query inside) and re-checked inside. */
async function firstWaiting(ctx: Deps, eventId: string): Promise<SignupDoc | null> {
  const page = await ctx.store.find<SignupDoc>('signups', {
    where: { eventId, status: 'waitlisted' },
    orderBy: { fields: ['waitOrder'], direction: 'asc' },
    limit: 1,
  });
  return page.items[0] ?? null;
}

/** The event's seat shards, created first for an event from before them. */
async function committedShards(ctx: Deps, eventId: string): Promise<SeatShardDoc[]> {
  const shards = await shardsOf(ctx.store, eventId);
  if (shards.length > 0) return shards;
  await shardEventSeats(ctx, eventId);
  return shardsOf(ctx.store, eventId);
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
    const before = countsOf(await committedShards(ctx, seen.eventId));
    const candidate = holdsSeat && before.waiting > 0 ? await firstWaiting(ctx, seen.eventId) : null;
    const now = ctx.now().toISOString();
    return ctx.store.transaction(async (tx) => {
      const signup = await tx.get<SignupDoc>('signups', signupId);
      const event = await tx.get<EventDoc>('events', seen.eventId);
      if (!signup || !event) throw new Retry();
      if (signup.status !== seen.status) throw new Retry();
      check(signup, event);
      if (!(await tx.update('signups', signup.id, { set: { status: to, waitOrder: 0, updatedAt: now } }, { status: signup.status }))) throw new Retry();
      const shards = await readShards(tx, event);
      const counts = countsOf(shards);
      let promoted: SignupDoc | null = null;
      if (!holdsSeat) {
        await leaveQueue(tx, shards, now);
      } else if (counts.waiting > 0) {
        // The candidate is the head only if nobody joined since it was looked up.
        if (!candidate || counts.joins !== before.joins) throw new Retry();
        await leaveQueue(tx, shards, now);
        promoted = await promote(tx, event, candidate.id, now);
      } else {
        const holder = shards.find((shard) => shard.taken > 0);
        if (!holder) throw new Retry();
        await updateShard(tx, holder, { inc: { taken: -1 } }, now);
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

/** Inside a transaction whose shards already count the seat and the leaving: the waiting candidate takes the seat. */
async function promote(tx: StoreOps, event: EventDoc, candidateId: string, now: string): Promise<SignupDoc> {
  const candidate = await tx.get<SignupDoc>('signups', candidateId);
  if (!candidate || candidate.status !== 'waitlisted') throw new Retry();
  const status = seatStatus(event);
  if (!(await tx.update('signups', candidate.id, { set: { status, waitOrder: 0, updatedAt: now } }, { status: 'waitlisted', waitOrder: candidate.waitOrder }))) {
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
      const before = countsOf(await committedShards(ctx, eventId));
      const candidate = before.waiting > 0 ? await firstWaiting(ctx, eventId) : null;
      const now = ctx.now().toISOString();
      return ctx.store.transaction(async (tx) => {
        const event = await tx.get<EventDoc>('events', eventId);
        if (!event || event.status !== 'published') return null;
        const shards = await readShards(tx, event);
        const counts = countsOf(shards);
        const free = shards.find((shard) => shard.taken < shard.capacity);
        if (!free || counts.waiting === 0) return null;
        if (!candidate || counts.joins !== before.joins) throw new Retry();
        await leaveQueue(tx, shards, now, { shard: free, inc: { taken: 1 } });
        const promoted = await promote(tx, event, candidate.id, now);
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
): Promise<{ signup: SignupDoc; event: EventDoc; alreadySignedUp: boolean }> {
  let lookUp = false;
  let unsharded = false;
  return withRetries(async () => {
    const seen = lookUp ? await signupOfVisitor(ctx.store, eventId, visitorId) : null;
    if (unsharded) await shardEventSeats(ctx, eventId);
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
      // An event from before seat shards gets them first (outside this transaction: it writes several documents).
      if (!event.seatShards) {
        unsharded = true;
        throw new Retry();
      }
      const { status, waitOrder } = await seatOrLine(tx, event, now);
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
      return { signup, event, alreadySignedUp: false };
    });
  });
}

/**
 * Inside the signup's transaction, on a shard picked at random (no query before: the common case reads
 * one shard): a seat when it has one and nobody waits; the end of the line, counted on that shard, when
 * somebody waits. When it is full and nobody waits, every shard is read: a seat on another one, or, all
 * being full, this person is the first to wait and raises `queue` on every shard.
 */
async function seatOrLine(tx: StoreOps, event: EventDoc, now: string): Promise<{ status: SignupDoc['status']; waitOrder: number }> {
  const shard = await tx.get<SeatShardDoc>('seatShards', shardId(event.id, randomInt(event.seatShards)));
  if (!shard) throw new Retry();
  if (!shard.queue && shard.taken < shard.capacity) {
    await updateShard(tx, shard, { inc: { taken: 1 } }, now);
    return { status: seatStatus(event), waitOrder: 0 };
  }
  if (shard.queue) {
    await updateShard(tx, shard, { inc: { joins: 1 } }, now);
    return { status: 'waitlisted', waitOrder: arrivalKey() };
  }
  const shards = await readShards(tx, event);
  if (shards.some((s) => s.queue)) throw new Retry();
  const free = shards.filter((s) => s.taken < s.capacity);
  if (free.length > 0) {
    await updateShard(tx, free[randomInt(free.length)], { inc: { taken: 1 } }, now);
    return { status: seatStatus(event), waitOrder: 0 };
  }
  await setQueue(tx, shards, true, now, { shard: shards[shard.index], inc: { joins: 1 } });
  return { status: 'waitlisted', waitOrder: arrivalKey() };
}

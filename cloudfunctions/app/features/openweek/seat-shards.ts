import type { EventDoc, SeatShardDoc } from '../../collections/openweek';
import type { Deps } from '../../context';
import { DuplicateKeyError, findAll, type Store, type StoreOps } from '../../ports/store';
import { Retry, transact } from '../../ports/transaction-retry';

/**
 * An event's seats live in a few shard documents instead of counters on the event, so that a rush of
 * signups writes many documents rather than one (a CloudBase transaction conflicts with any other that
 * wrote the same document). The rules that keep this equal to one counter:
 * - a seat is taken on one shard with a free seat, and only while its `queue` flag is down;
 * - `queue` (somebody waits) is the same on every shard and changes on all of them in one transaction,
 *   so whoever raises or lowers it collides with everyone who read it on any shard;
 * - joining the waitlist adds to `joins` of one shard; leaving it (promotion, cancellation) adds to
 *   shard 0's `left`, so leaves collide with each other and the last one out sees itself last.
 * 16 shards: a rush of hundreds spreads over enough documents, and the few operations that read every
 * shard (the first person to wait, a release, a capacity change) stay cheap.
 */
export const MAX_SEAT_SHARDS = 16;

export const shardId = (eventId: string, index: number): string => `${eventId}~${index}`;

export const shardCountFor = (capacity: number): number => Math.max(1, Math.min(capacity, MAX_SEAT_SHARDS));

export interface SeatCounts {
  seatsTaken: number;
  waiting: number;
}

export function countsOf(shards: SeatShardDoc[]): SeatCounts & { capacity: number; joins: number; queue: boolean } {
  const sum = (f: (s: SeatShardDoc) => number) => shards.reduce((n, s) => n + f(s), 0);
  const joins = sum((s) => s.joins);
  return { capacity: sum((s) => s.capacity), seatsTaken: sum((s) => s.taken), waiting: joins - sum((s) => s.left), joins, queue: shards.some((s) => s.queue) };
}

const seatCounts = (shards: SeatShardDoc[]): SeatCounts => {
  const { seatsTaken, waiting } = countsOf(shards);
  return { seatsTaken, waiting };
};

/**
 * Each shard's capacity for a total: at least the seats it holds, the spare seats spread evenly. Null
 * when the total is below the seats taken.
 */
export function splitCapacity(capacity: number, taken: number[]): number[] | null {
  const spare = capacity - taken.reduce((n, t) => n + t, 0);
  if (spare < 0) return null;
  const k = taken.length;
  return taken.map((t, i) => t + Math.floor(spare / k) + (i < spare % k ? 1 : 0));
}

/** The shards of a new event, or of an event from before shards carrying its counts. */
export function newShards(
  eventId: string,
  capacity: number,
  now: string,
  from: { seatsTaken: number; waiting: number } = { seatsTaken: 0, waiting: 0 },
): SeatShardDoc[] {
  const k = shardCountFor(capacity);
  // Seats already taken fill the shards in turn; any beyond the capacity (never expected) stay on shard 0.
  const taken = Array.from({ length: k }, (_, i) => Math.floor(from.seatsTaken / k) + (i < from.seatsTaken % k ? 1 : 0));
  const caps = splitCapacity(Math.max(capacity, from.seatsTaken), taken) as number[];
  return caps.map((cap, index) => ({
    id: shardId(eventId, index),
    eventId,
    index,
    capacity: cap,
    taken: taken[index],
    joins: index === 0 ? from.waiting : 0,
    left: 0,
    queue: from.waiting > 0,
    updatedAt: now,
  }));
}

/** Every shard of the event, read inside a transaction (by id: no query there). */
export async function readShards(tx: StoreOps, event: Pick<EventDoc, 'id' | 'seatShards'>): Promise<SeatShardDoc[]> {
  const shards: SeatShardDoc[] = [];
  for (let index = 0; index < event.seatShards; index++) {
    const shard = await tx.get<SeatShardDoc>('seatShards', shardId(event.id, index));
    if (!shard) throw new Retry();
    shards.push(shard);
  }
  return shards;
}

/** Every shard of the event as committed, in one query (outside transactions). */
export async function shardsOf(store: Pick<Store, 'find'>, eventId: string): Promise<SeatShardDoc[]> {
  const page = await store.find<SeatShardDoc>('seatShards', { where: { eventId }, orderBy: { fields: ['index'], direction: 'asc' }, limit: MAX_SEAT_SHARDS });
  return page.items;
}

/** The same shard with `patch` applied, if it still is as read; otherwise the attempt starts over. */
export async function updateShard(tx: StoreOps, shard: SeatShardDoc, patch: { set?: Partial<SeatShardDoc>; inc?: Partial<Record<'taken' | 'joins' | 'left', number>> }, now: string): Promise<void> {
  const expect = { capacity: shard.capacity, taken: shard.taken, joins: shard.joins, left: shard.left, queue: shard.queue };
  if (!(await tx.update('seatShards', shard.id, { set: { ...patch.set, updatedAt: now }, inc: patch.inc }, expect))) throw new Retry();
}

/** Sets `queue` on every shard; `also` adds a change to one of them in the same write. */
export async function setQueue(tx: StoreOps, shards: SeatShardDoc[], queue: boolean, now: string, also?: { shard: SeatShardDoc; inc: Partial<Record<'taken' | 'joins' | 'left', number>> }): Promise<void> {
  for (const shard of shards) await updateShard(tx, shard, { set: { queue }, inc: also?.shard.id === shard.id ? also.inc : undefined }, now);
}

/**
 * Inside a transaction, someone leaves the waitlist (promoted or cancelled): shard 0 counts it, and the
 * last one out lowers `queue` everywhere, `alsoInc` riding along on one shard's write.
 */
export async function leaveQueue(tx: StoreOps, shards: SeatShardDoc[], now: string, also?: { shard: SeatShardDoc; inc: Partial<Record<'taken', number>> }): Promise<void> {
  const { waiting } = countsOf(shards);
  if (waiting <= 0) throw new Retry();
  const first = shards[0];
  if (waiting === 1) {
    for (const shard of shards) {
      const inc = { ...(shard === first ? { left: 1 } : {}), ...(also?.shard.id === shard.id ? also.inc : {}) };
      await updateShard(tx, shard, { set: { queue: false }, inc }, now);
    }
    return;
  }
  await updateShard(tx, first, { inc: { left: 1, ...(also?.shard.id === first.id ? also.inc : {}) } }, now);
  if (also && also.shard.id !== first.id) await updateShard(tx, also.shard, { inc: also.inc }, now);
}

/** At most 1000 documents per query on CloudBase: the shards of 62 events. */
export const SEAT_COUNT_BATCH = Math.floor(1000 / MAX_SEAT_SHARDS);

/** Seats taken and people waiting per event, from their shards in as few queries as a page allows. */
export async function seatCountsOf(store: Pick<Store, 'find'>, events: Array<Pick<EventDoc, 'id' | 'seatShards'>>): Promise<Map<string, SeatCounts>> {
  const byEvent = new Map<string, SeatShardDoc[]>();
  for (let start = 0; start < events.length; start += SEAT_COUNT_BATCH) {
    const ids = events.slice(start, start + SEAT_COUNT_BATCH).map((e) => e.id);
    const page = await store.find<SeatShardDoc>('seatShards', { where: { eventId: { $in: ids } }, orderBy: { fields: ['eventId', 'index'], direction: 'asc' }, limit: 1000 });
    for (const shard of page.items) byEvent.set(shard.eventId, [...(byEvent.get(shard.eventId) ?? []), shard]);
  }
  return new Map(events.map((e) => [e.id, e.seatShards ? seatCounts(byEvent.get(e.id) ?? []) : legacyCounts(e)]));
}

export async function seatCountsFor(store: Pick<Store, 'find'>, event: Pick<EventDoc, 'id' | 'seatShards'>): Promise<SeatCounts> {
  return (await seatCountsOf(store, [event])).get(event.id) as SeatCounts;
}

/** An event not upgraded yet (on CloudBase, until the jobs timer runs) still shows the counts it kept. */
function legacyCounts(event: Pick<EventDoc, 'id'>): SeatCounts {
  const legacy = event as LegacySeats;
  return { seatsTaken: legacy.seatsTaken ?? 0, waiting: legacy.waiting ?? 0 };
}

/** The event as stored, given its seat shards first if it is from before them (before changing its seats). */
export async function withSeatShards(deps: Pick<Deps, 'store' | 'now'>, event: EventDoc): Promise<EventDoc> {
  if (event.seatShards) return event;
  await shardEventSeats(deps, event.id);
  return (await deps.store.get<EventDoc>('events', event.id)) ?? event;
}

/** What an event from before issue #9 counted on itself; left on it as it was when upgraded. */
type LegacySeats = { seatShards?: number; seatsTaken?: number; waiting?: number };

/**
 * Gives an event from before issue #9 its seat shards, carrying its counters over, in one transaction
 * that also marks the event; nothing when it has them already (a second run, or another instance).
 */
export async function shardEventSeats(deps: Pick<Deps, 'store' | 'now'>, eventId: string): Promise<void> {
  const now = deps.now().toISOString();
  await transact(deps.store, async (tx) => {
    const event = await tx.get<EventDoc & LegacySeats>('events', eventId);
    if (!event || event.seatShards) return;
    const shards = newShards(event.id, event.capacity, now, { seatsTaken: event.seatsTaken ?? 0, waiting: event.waiting ?? 0 });
    try {
      for (const shard of shards) await tx.insert('seatShards', shard);
    } catch (error) {
      // Another instance upgraded it meanwhile.
      if (error instanceof DuplicateKeyError) throw new Retry();
      throw error;
    }
    if (!(await tx.update('events', event.id, { set: { seatShards: shards.length } }, { seatShards: null }))) throw new Retry();
  });
}

/** Every event without seat shards gets them; answers how many did. Run at start and by the jobs timer. */
export async function upgradeSeatShards(deps: Pick<Deps, 'store' | 'now'>): Promise<number> {
  const legacy = await findAll<EventDoc>(deps.store, 'events', { where: { seatShards: null }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
  for (const event of legacy) await shardEventSeats(deps, event.id);
  return legacy.length;
}

/**
 * Inside a transaction that read every shard: spreads a new capacity over them (each keeps at least its
 * seats taken), adding shards when the capacity grew past their number. Answers the shard count.
 */
export async function resizeShards(tx: StoreOps, eventId: string, shards: SeatShardDoc[], capacity: number, now: string): Promise<number> {
  const count = Math.max(shards.length, shardCountFor(capacity));
  const taken = Array.from({ length: count }, (_, i) => shards[i]?.taken ?? 0);
  const caps = splitCapacity(capacity, taken);
  if (!caps) throw new Retry();
  for (const [index, cap] of caps.entries()) {
    const shard = shards[index];
    if (shard) await updateShard(tx, shard, { set: { capacity: cap } }, now);
    else await tx.insert<SeatShardDoc>('seatShards', { id: shardId(eventId, index), eventId, index, capacity: cap, taken: 0, joins: 0, left: 0, queue: shards[0].queue, updatedAt: now });
  }
  return count;
}

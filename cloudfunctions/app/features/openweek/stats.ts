import type { contract } from '../../../../shared/contract';
import type { StatsRowView } from '../../../../shared/contract/openweek-views';
import { attendanceRate, EVENT_TYPES, type EventType } from '../../../../shared/domain/openweek/event-rules';
import type { UnitDoc } from '../../collections';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import { eachDocument } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { childUnits } from '../../common/units';
import { SEAT_COUNT_BATCH, seatCountsOf, type SeatCounts } from './seat-shards';

/**
 * Per-unit open-week counts for an admin: for the chosen unit (own by default) and each direct child.
 * Events held = published or finished, not hidden, and already started; signups = seats held;
 * attendance rate = checked in / seats held.
 */
export const stats: Handler<typeof contract.openweek.stats> = async (ctx, input) => {
  const unit = await unitInScope(ctx, input.unitId ?? accountOf(ctx).unitId);
  const children = await childUnits(ctx.store, unit.id);

  const empty = (u: UnitDoc): StatsRowView => ({
    unitId: u.id,
    unitName: u.name,
    eventsHeld: 0,
    signups: 0,
    checkedIn: 0,
    attendanceRate: null,
    byType: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>,
  });
  const total = empty(unit);
  const rows = children.map(empty);
  const now = ctx.now().toISOString();
  const events = eachDocument<EventDoc>(ctx.store, 'events', {
    where: { unitPath: { $prefix: unit.path }, status: { $in: ['published', 'finished'] }, hidden: false, startAt: { $lte: now } },
    orderBy: { fields: ['createdAt'], direction: 'asc' },
  });
  // Seats held come from each event's seat shards, looked up a page of events at a time.
  const page: EventDoc[] = [];
  const tally = async () => {
    const seats = await seatCountsOf(ctx.store, page);
    for (const e of page.splice(0)) count(e, (seats.get(e.id) as SeatCounts).seatsTaken);
  };
  const count = (e: EventDoc, seatsTaken: number) => {
    const row = rows.find((r, i) => e.unitPath.startsWith(children[i].path) && r.unitId === children[i].id);
    for (const target of row ? [total, row] : [total]) {
      target.eventsHeld += 1;
      target.signups += seatsTaken;
      target.checkedIn += e.checkedIn;
      target.byType[e.type] += 1;
    }
  };
  for await (const e of events) if (page.push(e) === SEAT_COUNT_BATCH) await tally();
  await tally();
  for (const r of [total, ...rows]) r.attendanceRate = attendanceRate(r.checkedIn, r.signups);
  return { total, rows };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { capacityAllowed, EVENT_STATUS_RULES } from '../../../../shared/domain/openweek/event-rules';
import { audit } from '../../common/audit';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { afterCommit } from '../../outbox/perform';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import { editableFields } from './fields';
import { existingCampaign, ownEvent } from './loaders';
import { managedEventViewOf } from './views';
import { checkCoverUrl } from './images';
import { countsOf, readShards, resizeShards, withSeatShards } from './seat-shards';
import { transact } from '../../ports/transaction-retry';

/**
 * The collective edits its draft or published event. Capacity may not drop below the seats already
 * taken (checked inside the write). What follows from the edit is outbox work written with it: a moved
 * start is copied onto the signups, a bigger capacity promotes from the waitlist.
 */
export const updateEvent: Handler<typeof contract.openweek.updateEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const seen = await withSeatShards(ctx, await ownEvent(ctx, input.eventId));
  if (!EVENT_STATUS_RULES[seen.status].editable) throw new AppError('INVALID_STATE', '已取消或已结束的活动不能修改');
  await existingCampaign(ctx.store, input.campaignId);
  checkCoverUrl(ctx, collective.id, input.coverUrl, seen.coverUrl);
  const now = ctx.now();
  const changes = {
    ...editableFields(input),
    updatedAt: now.toISOString(),
    version: input.version + 1,
  };
  const work = await transact(ctx.store, async (tx) => {
    const event = await tx.get<EventDoc>('events', seen.id);
    if (!event || event.version !== input.version) throw new AppError('CONFLICT');
    if (!EVENT_STATUS_RULES[event.status].editable) throw new AppError('INVALID_STATE', '已取消或已结束的活动不能修改');
    const shards = await readShards(tx, event);
    const { seatsTaken } = countsOf(shards);
    if (!capacityAllowed({ seatsTaken }, input.capacity)) {
      throw new AppError('CAPACITY_BELOW_TAKEN', `名额：已有${seatsTaken}人报名，不能少于${seatsTaken}`, {
        capacity: `名额：已有${seatsTaken}人报名，不能少于${seatsTaken}`,
      });
    }
    // Every shard is rewritten as read: a seat taken meanwhile makes the attempt start over.
    const seatShards = changes.capacity === event.capacity ? event.seatShards : await resizeShards(tx, event.id, shards, changes.capacity, changes.updatedAt);
    const ok = await tx.update('events', event.id, { set: { ...changes, seatShards } }, { version: input.version });
    if (!ok) throw new AppError('CONFLICT');
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.updateEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      before: { title: event.title, capacity: event.capacity, startAt: event.startAt, endAt: event.endAt },
      after: { title: changes.title, capacity: changes.capacity, startAt: changes.startAt, endAt: changes.endAt },
    });
    const followUp: OutboxDoc[] = [];
    if (changes.startAt !== event.startAt) followUp.push(await enqueue(tx, now, { kind: 'followEventStart', eventId: event.id }));
    if (event.status === 'published' && changes.capacity > event.capacity) followUp.push(await enqueue(tx, now, { kind: 'fillFreeSeats', eventId: event.id }));
    return followUp;
  });
  await afterCommit(ctx, work);
  const fresh = await ctx.store.get<EventDoc>('events', seen.id);
  if (!fresh) throw new Error(`event ${seen.id} vanished after its update`);
  return { event: await managedEventViewOf(ctx.store, fresh) };
};

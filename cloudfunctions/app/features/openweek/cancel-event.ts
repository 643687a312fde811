import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { canMove } from '../../../../shared/domain/openweek/event-rules';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { afterCommit } from '../../outbox/perform';
import { enqueue } from '../../outbox/records';
import { managedEventViewOf } from './views';
import { ownEvent } from './loaders';
import { readShards, updateShard, withSeatShards } from './seat-shards';
import { transact } from '../../ports/transaction-retry';

/**
 * Published → cancelled. Everyone still signed up (confirmed, pending, waiting) is told through the
 * outbox, page by page: the work is written with the cancellation, so it is done even if we die now.
 */
export const cancelEvent: Handler<typeof contract.openweek.cancelEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const event = await withSeatShards(ctx, await ownEvent(ctx, input.eventId));
  if (!canMove(event.status, 'cancelled')) throw new AppError('INVALID_STATE', '只有已发布的活动可以取消');
  const now = ctx.now();
  const set = { status: 'cancelled' as const, updatedAt: now.toISOString(), version: event.version + 1 };
  const work = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('events', event.id, { set }, { status: 'published', version: event.version }))) throw new AppError('CONFLICT');
    // Signups read the event without writing it: writing its shards makes one landing now collide with this.
    for (const shard of await readShards(tx, event)) await updateShard(tx, shard, {}, set.updatedAt);
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.cancelEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      before: { status: event.status },
      after: { status: 'cancelled' },
      reason: input.reason,
    });
    return enqueue(tx, now, { kind: 'tellEventCancelled', eventId: event.id, reason: input.reason });
  });
  await afterCommit(ctx, [work]);
  return { event: await managedEventViewOf(ctx.store, { ...event, ...set }) };
};

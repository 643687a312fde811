import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { canMove } from '../../../../shared/domain/openweek/event-rules';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { managedEventViewOf } from './views';
import { ownEvent } from './loaders';
import { transact } from '../../ports/transaction-retry';

/** Draft → published: the public can find it and, once the window opens, sign up. */
export const publishEvent: Handler<typeof contract.openweek.publishEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const event = await ownEvent(ctx, input.eventId);
  if (!canMove(event.status, 'published')) throw new AppError('INVALID_STATE', '只有草稿可以发布');
  const now = ctx.now();
  if (new Date(event.endAt) <= now) throw new AppError('EVENT_TIMES_INVALID', '活动已经结束，不能发布');
  const set = { status: 'published' as const, updatedAt: now.toISOString(), version: event.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('events', event.id, { set }, { status: 'draft', version: event.version }))) throw new AppError('CONFLICT');
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.publishEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      before: { status: event.status },
      after: { status: 'published' },
    });
  });
  return { event: await managedEventViewOf(ctx.store, { ...event, ...set }) };
};

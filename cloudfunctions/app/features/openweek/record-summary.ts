import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { canMove } from '../../../../shared/domain/openweek/event-rules';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { managedEventViewOf } from './views';
import { ownEvent } from './loaders';
import { transact } from '../../ports/transaction-retry';

/** After the end: the collective records a short summary (and photo links); the event becomes finished. */
export const recordSummary: Handler<typeof contract.openweek.recordSummary> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const event = await ownEvent(ctx, input.eventId);
  const now = ctx.now();
  if (event.status !== 'finished' && !canMove(event.status, 'finished')) throw new AppError('INVALID_STATE', '只有已发布的活动可以记录总结');
  if (new Date(event.endAt) > now) throw new AppError('EVENT_NOT_ENDED');
  const set = { status: 'finished' as const, summary: input.summary, summaryPhotos: input.photos, updatedAt: now.toISOString(), version: event.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('events', event.id, { set }, { version: event.version }))) throw new AppError('CONFLICT');
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.finishEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      before: { status: event.status },
      after: { status: 'finished', photos: input.photos.length },
    });
  });
  return { event: await managedEventViewOf(ctx.store, { ...event, ...set }) };
};

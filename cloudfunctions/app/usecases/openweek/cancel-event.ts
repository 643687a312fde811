import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { canMove, SIGNUP_STATUS_RULES } from '../../../../shared/domain/openweek/event-rules';
import { audit } from '../../audit';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { campaignName, managedEventView, ownEvent, signupsOf } from './helpers';
import { chinaTime, EVENT_PAGE } from './notify';
import { transact } from '../../ports/transaction-retry';

/** Published → cancelled; everyone still signed up (confirmed, pending, waiting) is told, after commit. */
export const cancelEvent: Handler<typeof contract.openweek.cancelEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const event = await ownEvent(ctx, input.eventId);
  if (!canMove(event.status, 'cancelled')) throw new AppError('INVALID_STATE', '只有已发布的活动可以取消');
  const now = ctx.now();
  const set = { status: 'cancelled' as const, updatedAt: now.toISOString(), version: event.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('events', event.id, { set }, { status: 'published', version: event.version }))) throw new AppError('CONFLICT');
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
  });

  for await (const s of signupsOf(ctx.store, event.id)) {
    if (!SIGNUP_STATUS_RULES[s.status].active) continue;
    await ctx.notifier.send({
      recipient: { kind: 'visitor', visitorId: s.visitorId },
      topic: 'eventCancelled',
      title: '活动已取消',
      body: `您报名的活动「${event.title}」（${chinaTime(event.startAt)}）已被主办方取消。原因：${input.reason}`,
      page: EVENT_PAGE(event.id),
    });
  }
  return { event: managedEventView({ ...event, ...set }, await campaignName(ctx.store, event.campaignId)) };
};

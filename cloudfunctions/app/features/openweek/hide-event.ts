import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { afterCommit } from '../../outbox/perform';
import { enqueue } from '../../outbox/records';
import type { Handler } from '../../router';
import { eventInScope } from './loaders';
import { managedEventViewOf } from './views';
import { transact } from '../../ports/transaction-retry';

/** An admin hides an inappropriate event in their subtree, with a reason (audited); the public no longer sees it. */
export const hideEvent: Handler<typeof contract.openweek.hideEvent> = async (ctx, input) => {
  const admin = accountOf(ctx);
  const event = await eventInScope(ctx, input.eventId);
  if (event.hidden) throw new AppError('INVALID_STATE', '该活动已被屏蔽');
  const now = ctx.now();
  const set = { hidden: true, hiddenReason: input.reason, updatedAt: now.toISOString(), version: event.version + 1 };
  const work = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('events', event.id, { set }, { hidden: false }))) throw new AppError('CONFLICT');
    await audit(tx, now, {
      actor: admin,
      action: 'openweek.hideEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      before: { hidden: false },
      after: { hidden: true },
      reason: input.reason,
    });
    return enqueue(tx, now, {
      kind: 'message',
      message: {
        recipient: { kind: 'account', accountId: event.collectiveId },
        topic: 'eventHidden',
        title: '活动已被屏蔽',
        body: `您的活动「${event.title}」已被管理员屏蔽。原因：${input.reason}`,
        page: `openweek/manage?id=${event.id}`,
      },
    });
  });
  await afterCommit(ctx, [work]);
  return { event: await managedEventViewOf(ctx.store, { ...event, ...set }) };
};

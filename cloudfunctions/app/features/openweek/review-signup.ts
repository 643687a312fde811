import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { afterCommit } from '../../outbox/perform';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { Message } from '../../ports/notifier';
import { attendeeView } from './views';
import { ownEvent } from './loaders';
import { chinaTime } from '../../../../shared/domain/china-time';
import { EVENT_PAGE } from './visitor-messages';
import { releaseSignup } from './seats';

/** The person whose signup was reviewed is told the outcome. */
const reviewedMessage = (signup: SignupDoc, event: EventDoc, approved: boolean): Message => ({
  recipient: { kind: 'visitor', visitorId: signup.visitorId },
  topic: 'signupReviewed',
  title: approved ? '报名已通过' : '报名未通过',
  body: `您报名的活动「${event.title}」（${chinaTime(event.startAt)}）${approved ? '已通过审核，请按时参加' : '未通过主办方审核'}。`,
  page: EVENT_PAGE(event.id),
});
import { transact } from '../../ports/transaction-retry';

/** Approves (pending → confirmed) or rejects (the seat passes to the first in line) a signup that needs approval. */
export const reviewSignup: Handler<typeof contract.openweek.reviewSignup> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const seen = await ctx.store.get<SignupDoc>('signups', input.signupId);
  if (!seen) throw new AppError('NOT_FOUND', '未找到该报名');
  const event = await ownEvent(ctx, seen.eventId);
  if (seen.status !== 'pending') throw new AppError('INVALID_STATE', '只有待审核的报名可以审核');
  const now = ctx.now();
  let result: SignupDoc;
  let work: OutboxDoc[];
  if (input.approve) {
    const set = { status: 'confirmed' as const, updatedAt: now.toISOString() };
    work = await transact(ctx.store, async (tx) => {
      if (!(await tx.update('signups', seen.id, { set }, { status: 'pending' }))) throw new AppError('CONFLICT');
      await audit(tx, now, {
        actor: collective,
        action: 'openweek.approveSignup',
        objectType: 'signup',
        objectId: seen.id,
        unitPath: event.unitPath,
        before: { status: 'pending' },
        after: { status: 'confirmed' },
      });
      return [await enqueue(tx, now, { kind: 'message', message: reviewedMessage(seen, event, true) })];
    });
    result = { ...seen, ...set };
  } else {
    const released = await releaseSignup(
      ctx,
      seen.id,
      'rejected',
      collective,
      (s) => {
        if (s.status !== 'pending') throw new AppError('INVALID_STATE', '只有待审核的报名可以审核');
      },
      (s, e) => reviewedMessage(s, e, false),
    );
    result = released.signup;
    work = released.work;
  }
  await afterCommit(ctx, work);
  return { attendee: attendeeView(result) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { canCancelAt, SIGNUP_STATUS_RULES } from '../../../../shared/domain/openweek/event-rules';
import type { Handler } from '../../router';
import type { EventDoc } from '../../collections/openweek';
import { afterCommit } from '../../outbox/perform';
import { mySignupView } from './views';
import { signupOfVisitor } from './loaders';
import { visitorOf } from '../../common/identity';
import { releaseSignup } from './seats';

/**
 * A visitor cancels their own signup within the rule ("until N hours before the start"); someone
 * on the waitlist may leave until the start. A freed seat goes to the first in line, who is told.
 */
export const cancelSignup: Handler<typeof contract.openweek.cancelSignup> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  // Also when an admin has hidden the event since: people can still withdraw.
  const event = await ctx.store.get<EventDoc>('events', input.eventId);
  if (!event) throw new AppError('EVENT_NOT_FOUND');
  const mine = await signupOfVisitor(ctx.store, event.id, visitorId);
  if (!mine) throw new AppError('SIGNUP_NOT_ACTIVE');
  const now = ctx.now();
  const { signup, work } = await releaseSignup(ctx, mine.id, 'cancelled', { kind: 'visitor', signupId: mine.id }, (s, e) => {
    if (!SIGNUP_STATUS_RULES[s.status].cancellable) throw new AppError('SIGNUP_NOT_ACTIVE');
    const rule = s.status === 'waitlisted' ? { startAt: e.startAt, cancelHoursBefore: 0 } : e;
    if (!canCancelAt(rule, now)) throw new AppError('CANCEL_TOO_LATE');
  });
  await afterCommit(ctx, work);
  return { signup: await mySignupView(ctx.store, signup, event) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { signupWindowPhase } from '../../../../shared/domain/openweek/event-rules';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { mySignupView } from './views';
import { newCheckInCode } from '../../security/random';
import { visitorOf } from '../../common/identity';
import { takePlace } from './seats';

/**
 * A visitor signs up: a seat when one is free, the waitlist when full. The same person signing up
 * again (a retry, a double tap) gets their existing signup back with `alreadySignedUp: true`.
 * Every check runs inside the transaction, on the event as it is at that instant.
 */
export const signUp: Handler<typeof contract.openweek.signUp> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  await checkLimits(ctx, 'signUp', { visitor: visitorId });
  const now = ctx.now();
  const phone = input.phone ?? '';
  const answer = input.answer?.trim() || null;
  const { signup, event, alreadySignedUp } = await takePlace(
    ctx,
    input.eventId,
    visitorId,
    (event) => ({ name: input.name, phone: event.askPhone ? phone : '', answer: event.extraQuestion ? answer : null, checkInCode: newCheckInCode() }),
    (event) => {
      if (event.hidden || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
      if (event.status !== 'published') throw new AppError('SIGNUP_CLOSED');
      const phase = signupWindowPhase(event, now);
      if (phase === 'notYetOpen') throw new AppError('SIGNUP_NOT_OPEN');
      if (phase === 'closed') throw new AppError('SIGNUP_CLOSED');
      if (event.askPhone && !phone) throw new AppError('INVALID_INPUT', '手机号：请填写', { phone: '手机号：请填写' });
      if (event.extraQuestion && !answer) throw new AppError('ANSWER_REQUIRED', undefined, { answer: `${event.extraQuestion}：请填写` });
    },
  );
  return { signup: await mySignupView(ctx.store, signup, event), alreadySignedUp };
};

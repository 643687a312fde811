import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { checkInWindowPhase } from '../../../../shared/domain/openweek/event-rules';
import { audit } from '../../common/audit';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import { accountOf, type UseCaseContext } from '../../context';
import type { Handler } from '../../router';
import { attendeeView } from './views';
import { ownEvent } from './loaders';
import { chinaTime } from '../../../../shared/domain/china-time';
import { seatCountsFor } from './seat-shards';
import { transact } from '../../ports/transaction-retry';

/**
 * The collective checks an attendee in by their code (scanned or typed), or by picking them from its own
 * attendee list, during the check-in window. A code works once, and only for its own event: another
 * event's code, or another event's signup, is unknown here.
 */
export const checkIn: Handler<typeof contract.openweek.checkIn> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const event = await ownEvent(ctx, input.eventId);
  const now = ctx.now();
  if (event.status !== 'published' && event.status !== 'finished') throw new AppError('INVALID_STATE', '该活动当前不能签到');
  if (checkInWindowPhase(event, now) !== 'open') throw new AppError('CHECKIN_WINDOW_CLOSED');
  const signup = await signupToCheckIn(ctx, input);
  if (!signup || signup.eventId !== event.id) {
    if (input.signupId) throw new AppError('NOT_FOUND', '未找到该报名');
    throw new AppError('CHECKIN_CODE_UNKNOWN', undefined, { code: '签到码：无效，或不属于本活动' });
  }
  if (signup.checkedInAt) throw new AppError('ALREADY_CHECKED_IN', `该签到码已于${chinaTime(signup.checkedInAt)}签到`, { code: '签到码：已签到' });
  if (signup.status !== 'confirmed') throw new AppError('CHECKIN_NOT_CONFIRMED', undefined, { code: '签到码：该报名尚未确认' });
  const at = now.toISOString();
  const counts = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('signups', signup.id, { set: { checkedInAt: at, updatedAt: at } }, { status: 'confirmed', checkedInAt: null }))) {
      throw new AppError('ALREADY_CHECKED_IN', undefined, { code: '签到码：已签到' });
    }
    if (!(await tx.update('events', event.id, { inc: { checkedIn: 1 } }))) throw new AppError('NOT_FOUND');
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.checkIn',
      objectType: 'signup',
      objectId: signup.id,
      unitPath: event.unitPath,
      after: { checkedInAt: at },
    });
    return tx.get<EventDoc>('events', event.id);
  });
  return {
    attendee: attendeeView({ ...signup, checkedInAt: at }),
    checkedIn: counts?.checkedIn ?? event.checkedIn + 1,
    seatsTaken: (await seatCountsFor(ctx.store, event)).seatsTaken,
  };
};

/** The signup named by id, or the one holding the code (the contract requires exactly one of them). */
async function signupToCheckIn(ctx: UseCaseContext, input: { code?: string; signupId?: string }): Promise<SignupDoc | null> {
  if (input.signupId) return ctx.store.get<SignupDoc>('signups', input.signupId);
  const found = await ctx.store.find<SignupDoc>('signups', {
    where: { checkInCode: input.code ?? '' },
    orderBy: { fields: ['checkInCode'], direction: 'asc' },
    limit: 1,
  });
  return found.items[0] ?? null;
}

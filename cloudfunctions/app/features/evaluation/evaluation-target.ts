import { AppError } from '../../../../shared/errors';
import { chinaMonth, type EvaluationChannel } from '../../../../shared/domain/evaluation/rules';
import type { EvaluationDoc, EvaluationSlotDoc } from '../../collections/evaluation';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import type { UseCaseContext } from '../../context';
import { sha256 } from '../../security/random';
import { campaignOf } from './campaign-of';
import { targetByCode, targetOfAccount, type Target } from './pages';

/** What one evaluation is about, and the slot that allows one of it. */
export interface EvaluationTarget extends Target {
  channel: EvaluationChannel;
  /** The evaluationSlots id: one evaluation per signup, or per person, collective and China-time month. */
  slotId: string;
  signup: SignupDoc | null;
  event: EventDoc | null;
  month: string | null;
  campaignId: string | null;
}

/**
 * 一次一评 of the visitor's own checked-in signup, or 综合点评 of the collective a public code names this
 * month. Someone else's signup is as unknown as a missing one.
 */
export async function evaluationTarget(ctx: UseCaseContext, visitorId: string, input: { code?: string; signupId?: string }): Promise<EvaluationTarget> {
  if (input.signupId) {
    const signup = await ctx.store.get<SignupDoc>('signups', input.signupId);
    if (!signup || signup.visitorId !== visitorId) throw new AppError('NOT_FOUND', '未找到该报名');
    if (!signup.checkedInAt) throw new AppError('NOT_CHECKED_IN');
    const event = await ctx.store.get<EventDoc>('events', signup.eventId);
    if (!event) throw new AppError('NOT_FOUND', '未找到该活动');
    const target = await targetOfAccount(ctx.store, event.collectiveId);
    return { ...target, channel: 'perService', slotId: sha256(`signup:${signup.id}`), signup, event, month: null, campaignId: event.campaignId };
  }
  const target = await targetByCode(ctx.store, input.code as string);
  const month = chinaMonth(ctx.now());
  const campaignId = await campaignOf(ctx.store, target.collective);
  return { ...target, channel: 'general', slotId: sha256(`month:${target.collective.id}:${visitorId}:${month}`), signup: null, event: null, month, campaignId };
}

/** The evaluation already given in this slot, if any. */
export async function existingEvaluation(ctx: UseCaseContext, slotId: string): Promise<EvaluationDoc | null> {
  const slot = await ctx.store.get<EvaluationSlotDoc>('evaluationSlots', slotId);
  return slot ? ctx.store.get<EvaluationDoc>('evaluations', slot.evaluationId) : null;
}

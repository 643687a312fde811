import Taro from '@tarojs/taro';
import { signupTemplateIds, type SignupSituation } from '../../../shared/domain/openweek/subscriptions';

/**
 * Asks for one-time subscriptions to these message templates (mini-program only; must run in a tap).
 * A refusal is fine: what the messages would say is also on the pages.
 */
export async function requestSubscriptions(templateIds: string[]): Promise<void> {
  const tmplIds = [...new Set(templateIds.filter(Boolean))];
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // Declined or unsupported.
  }
}

/**
 * Asks, in the tap that signs up, for the subscriptions this signup may need: the day-before reminder,
 * the promotion when the visitor will wait, and 活动变更 (cancellation, approval decision).
 * Template ids are build-time constants.
 */
export const askSignupSubscriptions = (situation: SignupSituation): Promise<void> =>
  requestSubscriptions(
    signupTemplateIds(situation, { reminder: OPENWEEK_REMINDER_TEMPLATE, promotion: OPENWEEK_PROMOTION_TEMPLATE, change: OPENWEEK_CHANGE_TEMPLATE }),
  );

import Taro from '@tarojs/taro';
import { signupTemplateIds, type SignupSituation } from '../../../shared/domain/openweek/subscriptions';

/**
 * Asks, in the tap that signs up, for the one-time subscriptions this signup may need (mini-program only):
 * the day-before reminder, the promotion when the visitor will wait, and 活动变更 (cancellation, approval
 * decision). Template ids are build-time constants; a refusal is fine: the signup stands.
 * Its own module, imported by the signup page only, so it stays in the `events` subpackage.
 */
export async function askSignupSubscriptions(situation: SignupSituation): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = signupTemplateIds(situation, {
    reminder: OPENWEEK_REMINDER_TEMPLATE,
    promotion: OPENWEEK_PROMOTION_TEMPLATE,
    change: OPENWEEK_CHANGE_TEMPLATE,
  });
  if (tmplIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // Declined or unsupported: the signup stands, only the messages are lost.
  }
}

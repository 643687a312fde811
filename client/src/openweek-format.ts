import type { EventCardView, MySignupView } from '../../shared/contract/openweek-views';
import { EVENT_STATUS_RULES, EVENT_TYPE_LABELS, SIGNUP_STATUS_RULES, signupButtonState, type SignupButtonState } from '../../shared/domain/openweek/event-rules';

/** Display wording of open-week values. Times are shown in China time (UTC+8), wherever the device is. */
const CHINA = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2018-05-04 09:00" in China time. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CHINA);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2018-05-04 09:00" typed as China time → an ISO instant with its offset (the contract checks it). */
export function fromChinaTime(text: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}T${pad(Number(m[4]))}:${m[5]}:00+08:00`;
}

export const typeLabel = (type: EventCardView['type']) => EVENT_TYPE_LABELS[type];
export const eventStatusLabel = (status: EventCardView['status']) => EVENT_STATUS_RULES[status].label;
export const signupStatusLabel = (status: MySignupView['status']) => SIGNUP_STATUS_RULES[status].label;

export const BUTTON_LABELS: Record<SignupButtonState, string> = {
  notYetOpen: '报名未开始',
  open: '我要报名',
  waitlist: '名额已满，加入候补',
  closed: '报名已截止',
  cancelled: '活动已取消',
  ended: '活动已结束',
};

export function buttonState(event: EventCardView, now = new Date()): SignupButtonState {
  return signupButtonState({ ...event, seatsTaken: event.capacity - event.seatsLeft }, now);
}

export function seatsText(event: Pick<EventCardView, 'capacity' | 'seatsLeft' | 'waiting'>): string {
  if (event.seatsLeft > 0) return `剩余名额 ${event.seatsLeft}/${event.capacity}`;
  return event.waiting > 0 ? `名额已满 · ${event.waiting}人候补` : '名额已满';
}

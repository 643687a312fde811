import { chinaTime } from '../../../../shared/domain/china-time';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import type { Message } from '../../ports/notifier';

export const EVENT_PAGE = (eventId: string) => `events/detail?id=${eventId}`;

/** To someone promoted from the waitlist (written to the outbox with the promotion). */
export function promotedMessage(signup: SignupDoc, event: Pick<EventDoc, 'id' | 'title' | 'startAt'>): Message {
  return {
    recipient: { kind: 'visitor', visitorId: signup.visitorId },
    topic: 'waitlistPromoted',
    title: '候补成功',
    body: `您候补的活动「${event.title}」（${chinaTime(event.startAt)}）有了空位，${signup.status === 'pending' ? '已进入待审核' : '已为您确认报名'}。`,
    page: EVENT_PAGE(event.id),
  };
}

/** To someone still signed up for an event its organizer cancelled. */
export function cancelledMessage(signup: SignupDoc, event: Pick<EventDoc, 'id' | 'title' | 'startAt'>, reason: string): Message {
  return {
    recipient: { kind: 'visitor', visitorId: signup.visitorId },
    topic: 'eventCancelled',
    title: '活动已取消',
    body: `您报名的活动「${event.title}」（${chinaTime(event.startAt)}）已被主办方取消。原因：${reason}`,
    page: EVENT_PAGE(event.id),
  };
}

/** The day-before reminder to each confirmed attendee (jobs/openweek-reminders.ts). */
export function reminderMessage(signup: SignupDoc, event: Pick<EventDoc, 'id' | 'title' | 'startAt' | 'address'>): Message {
  return {
    recipient: { kind: 'visitor', visitorId: signup.visitorId },
    topic: 'eventReminder',
    title: '活动提醒',
    body: `您报名的活动「${event.title}」将于${chinaTime(event.startAt)}开始，地点：${event.address}。请带好签到码。`,
    page: EVENT_PAGE(event.id),
  };
}

import { reminderDue } from '../../../shared/domain/openweek/event-rules';
import type { EventDoc, SignupDoc } from '../collections/openweek';
import type { Deps } from '../context';

const CHINA = 8 * 3_600_000;
const when = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + CHINA);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

/**
 * The day-before reminder (WeChat subscribe message, the one-time subscription asked at signup):
 * each confirmed signup of a published event starting within 24 hours gets one. The signup is marked
 * by a conditional update first, so a second or overlapping run sends nothing twice. Events are found
 * by their start (the public listing's index), their signups by event and status (no index of its own).
 */
export const openweekReminders = {
  everyMinutes: 10,
  async run(deps: Deps): Promise<void> {
    const now = deps.now();
    let eventsAfter: string | null = null;
    do {
      const events: { items: EventDoc[]; nextCursor: string | null } = await deps.store.find<EventDoc>('events', {
        where: {
          status: 'published',
          hidden: false,
          startAt: { $gt: now.toISOString(), $lte: new Date(now.getTime() + 24 * 3_600_000).toISOString() },
        },
        orderBy: { fields: ['startAt'], direction: 'asc' },
        after: eventsAfter,
        limit: 50,
      });
      for (const event of events.items) if (reminderDue(event.startAt, now)) await remindAttendees(deps, event, now);
      eventsAfter = events.nextCursor;
    } while (eventsAfter);
  },
};

async function remindAttendees(deps: Deps, event: EventDoc, now: Date): Promise<void> {
  let after: string | null = null;
  do {
    const page: { items: SignupDoc[]; nextCursor: string | null } = await deps.store.find<SignupDoc>('signups', {
      where: { eventId: event.id, status: 'confirmed', remindedAt: null },
      orderBy: { fields: ['waitOrder'], direction: 'asc' },
      after,
      limit: 100,
    });
    for (const s of page.items) {
      const marked = await deps.store.update('signups', s.id, { set: { remindedAt: now.toISOString() } }, { remindedAt: null, status: 'confirmed' });
      if (!marked) continue;
      await deps.notifier.send({
        recipient: { kind: 'visitor', visitorId: s.visitorId },
        topic: 'eventReminder',
        title: '活动提醒',
        body: `您报名的活动「${event.title}」将于${when(event.startAt)}开始，地点：${event.address}。请带好签到码。`,
        page: `events/detail?id=${event.id}`,
      });
    }
    after = page.nextCursor;
  } while (after);
}

import type { EventDoc, SignupDoc } from '../../collections/openweek';
import type { UseCaseContext } from '../../context';

const CHINA = 8 * 3_600_000;

/** "5月4日 09:00" in China time. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + CHINA);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const EVENT_PAGE = (eventId: string) => `events/detail?id=${eventId}`;

/** Tells someone promoted from the waitlist (after the transaction committed). */
export async function tellPromoted(ctx: UseCaseContext, signup: SignupDoc, event: Pick<EventDoc, 'id' | 'title' | 'startAt'>): Promise<void> {
  await ctx.notifier.send({
    recipient: { kind: 'visitor', visitorId: signup.visitorId },
    topic: 'waitlistPromoted',
    title: '候补成功',
    body: `您候补的活动「${event.title}」（${chinaTime(event.startAt)}）有了空位，${signup.status === 'pending' ? '已进入待审核' : '已为您确认报名'}。`,
    page: EVENT_PAGE(event.id),
  });
}

import { reminderDue } from '../../../shared/domain/openweek/event-rules';
import type { EventDoc, SignupDoc } from '../collections/openweek';
import type { Deps } from '../context';
import { reminderMessage } from '../features/openweek/visitor-messages';
import { afterCommit } from '../outbox/perform';
import { enqueue } from '../outbox/records';
import { eachDocument } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/**
 * The day-before reminder (WeChat subscribe message, the one-time subscription asked at signup):
 * each confirmed signup of a published event starting within 24 hours gets one. The signup is marked
 * by a conditional update in the transaction that writes its message to the outbox, so a second or
 * overlapping run sends nothing twice. Events are found
 * by their start (the public listing's index), their signups by event and status (no index of its own).
 */
export const openweekReminders = {
  everyMinutes: 10,
  async run(deps: Deps): Promise<void> {
    const now = deps.now();
    const events = eachDocument<EventDoc>(deps.store, 'events', {
      where: {
        status: 'published',
        hidden: false,
        startAt: { $gt: now.toISOString(), $lte: new Date(now.getTime() + 24 * 3_600_000).toISOString() },
      },
      orderBy: { fields: ['startAt'], direction: 'asc' },
    });
    for await (const event of events) if (reminderDue(event.startAt, now)) await remindAttendees(deps, event, now);
  },
};

async function remindAttendees(deps: Deps, event: EventDoc, now: Date): Promise<void> {
  const unreminded = eachDocument<SignupDoc>(deps.store, 'signups', {
    where: { eventId: event.id, status: 'confirmed', remindedAt: null },
    orderBy: { fields: ['waitOrder'], direction: 'asc' },
  });
  for await (const s of unreminded) {
    const work = await transact(deps.store, async (tx) => {
      const marked = await tx.update('signups', s.id, { set: { remindedAt: now.toISOString() } }, { remindedAt: null, status: 'confirmed' });
      if (!marked) return null;
      return enqueue(tx, now, { kind: 'message', message: reminderMessage(s, event) });
    });
    await afterCommit(deps, [work]);
  }
}

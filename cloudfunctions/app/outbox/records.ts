import type { Mail } from '../ports/mailer';
import type { Message } from '../ports/notifier';
import type { StoreOps } from '../ports/store';
import { newId } from '../security/random';

/**
 * The transactional outbox: a side effect of a change — a message, a mail, or follow-up work over an
 * unbounded list (everyone signed up for an event) — is written as a record in the same transaction
 * as the change, so it exists exactly when the change does. Who commits performs its first step at once
 * (outbox/perform.ts `afterCommit`); the `outbox` job (CloudBase timer, local host loop) performs what is
 * left, also after a crash between the commit and that step. Each step is idempotent or repeats at most
 * one page, and a finished record is removed.
 *
 * Not to be confused with the developer mailbox (`devMailbox`), where the local adapters keep the mail
 * and messages that the outbox delivered on a machine without SMTP or WeChat.
 */
export type OutboxWork =
  /** One WeChat message through the notifier port. */
  | { kind: 'message'; message: Message }
  /** One mail through the mailer port. */
  | { kind: 'mail'; mail: Mail }
  /** Tell everyone still signed up for a cancelled event, page by page. */
  | { kind: 'tellEventCancelled'; eventId: string; reason: string }
  /** Copy an event's (moved) start onto its signups, page by page. */
  | { kind: 'followEventStart'; eventId: string }
  /** Promote from the waitlist while the event has free seats (its capacity grew), a few at a time. */
  | { kind: 'fillFreeSeats'; eventId: string }
  /** Tell the managing unit's admins an evaluation entered their review queue where they could not be found before the change (a WeChat verdict). */
  | { kind: 'tellEvaluationReviewers'; evaluationId: string };

export interface OutboxDoc {
  id: string;
  work: OutboxWork;
  /** When a runner may next take it: at creation, after a runner's lease, after a failure's backoff. */
  dueAt: string;
  /** Where paged work continues (a store cursor); null before its first page. */
  cursor: string | null;
  /** Steps begun; a failing record waits longer after each. */
  attempts: number;
  createdAt: string;
  lastError: string | null;
}

/** Recipients or signups one step of paged work handles: a step stays small, and a crash repeats at most one page. */
export const OUTBOX_PAGE = 50;

/** Inside the change's transaction: the work to do once it is committed. */
export async function enqueue(tx: StoreOps, now: Date, work: OutboxWork): Promise<OutboxDoc> {
  const at = now.toISOString();
  const doc: OutboxDoc = { id: newId(), work, dueAt: at, cursor: null, attempts: 0, createdAt: at, lastError: null };
  await tx.insert('outbox', doc);
  return doc;
}

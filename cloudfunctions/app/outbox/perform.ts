import type { Deps } from '../context';
import { followEventStart, fillFreeSeatsStep, tellEventCancelled } from '../features/openweek/follow-up';
import { tellEvaluationReviewers } from '../features/evaluation/reviews';
import type { OutboxDoc, OutboxWork } from './records';

/** How long a runner holds a record it took; longer than one step can take, so two runners never share one. */
export const OUTBOX_LEASE_MS = 60_000;
/**
 * How long one job run keeps taking records. The `jobs` function's timeout is 60 s (cloudbaserc.json);
 * the reminders run in the same invocation, and a step begun before the deadline must still finish.
 */
export const OUTBOX_RUN_BUDGET_MS = 30_000;

/** What a step did: where to continue (null: finished) and outbox records it wrote on the way. */
export interface StepResult {
  next: string | null;
  spawned: OutboxDoc[];
}

type Performers = { [K in OutboxWork['kind']]: (deps: Deps, work: Extract<OutboxWork, { kind: K }>, cursor: string | null) => Promise<StepResult> };

const PERFORMERS: Performers = {
  message: async (deps, work) => {
    await deps.notifier.send(work.message);
    return { next: null, spawned: [] };
  },
  mail: async (deps, work) => {
    await deps.mailer.send(work.mail);
    return { next: null, spawned: [] };
  },
  tellEventCancelled,
  followEventStart,
  fillFreeSeats: fillFreeSeatsStep,
  tellEvaluationReviewers,
};

/** A failing record waits 1, 2, 4 … minutes, at most an hour, before it is tried again. */
const failureBackoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

const later = (deps: Deps, ms: number) => new Date(deps.now().getTime() + ms).toISOString();

/**
 * One step of one record: take it (a conditional update on the `dueAt` it was read with, so of two
 * runners only one does), perform a step, then remove it when finished or save its cursor. A failure
 * is recorded and the record waits before its next try; the error is logged, not thrown, since the
 * change it belongs to is committed either way. Answers whether the record is finished, and what the
 * step spawned.
 */
export async function performStep(deps: Deps, seen: OutboxDoc): Promise<{ finished: boolean; spawned: OutboxDoc[] }> {
  const leaseUntil = later(deps, OUTBOX_LEASE_MS);
  const taken = await deps.store.update('outbox', seen.id, { set: { dueAt: leaseUntil }, inc: { attempts: 1 } }, { dueAt: seen.dueAt, attempts: seen.attempts });
  if (!taken) return { finished: false, spawned: [] };
  const held = { dueAt: leaseUntil };
  let result: StepResult;
  try {
    const perform = PERFORMERS[seen.work.kind] as (deps: Deps, work: OutboxWork, cursor: string | null) => Promise<StepResult>;
    result = await perform(deps, seen.work, seen.cursor);
  } catch (error) {
    console.error(`[outbox] ${seen.work.kind} ${seen.id} failed`, error);
    const lastError = error instanceof Error ? error.message : String(error);
    await deps.store.update('outbox', seen.id, { set: { dueAt: later(deps, failureBackoffMs(seen.attempts + 1)), lastError } }, held);
    return { finished: false, spawned: [] };
  }
  if (result.next === null) {
    await deps.store.remove('outbox', seen.id);
    return { finished: true, spawned: result.spawned };
  }
  await deps.store.update('outbox', seen.id, { set: { cursor: result.next, dueAt: deps.now().toISOString(), attempts: 0, lastError: null } }, held);
  return { finished: false, spawned: result.spawned };
}

/**
 * Right after the commit that wrote them: one step of each record (and of what those steps spawned),
 * so a message goes out with the answer and a short list is done at once. What is left — the next pages
 * of a long list, a failure to retry — is the job's; `wakeJobs` asks the local host's loop to take it now.
 * Never throws: the change is committed, and the records stay for the job.
 */
export async function afterCommit(deps: Deps, records: Array<OutboxDoc | null | undefined>): Promise<void> {
  const queue = records.filter((r): r is OutboxDoc => !!r);
  let left = false;
  try {
    while (queue.length > 0) {
      const { finished, spawned } = await performStep(deps, queue.shift()!);
      if (!finished) left = true;
      queue.push(...spawned);
    }
  } catch (error) {
    left = true;
    console.error('[outbox] a step after commit failed; the job will take it', error);
  }
  if (left) deps.wakeJobs?.();
}

/**
 * The job: steps through every record that is due, oldest first, until none is or the run's budget is
 * spent (then the next run continues). Paged work is due again as soon as a page is done.
 */
export async function performDueOutbox(deps: Deps, budgetMs = OUTBOX_RUN_BUDGET_MS): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const troubled = new Set<string>();
  let steps = 0;
  while (Date.now() < deadline) {
    const { items } = await deps.store.find<OutboxDoc>('outbox', {
      where: { dueAt: { $lte: deps.now().toISOString() } },
      orderBy: { fields: ['dueAt'], direction: 'asc' },
      limit: 20,
    });
    const due = items.filter((record) => !troubled.has(record.id));
    if (due.length === 0) break;
    for (const record of due) {
      if (Date.now() >= deadline) break;
      try {
        await performStep(deps, record);
      } catch (error) {
        // Taking or releasing it failed (on CloudBase a write that met an open transaction): the next run tries again.
        console.error(`[outbox] ${record.id} could not be taken or released`, error);
        troubled.add(record.id);
      }
      steps++;
    }
  }
  return steps;
}

/**
 * On one machine nobody else runs the outbox, so at start every lease is void (its runner died with
 * the previous process): whatever was taken, or waits after a failure, is due again at once.
 */
export async function voidLeases(deps: Deps): Promise<void> {
  const now = deps.now().toISOString();
  const { items } = await deps.store.find<OutboxDoc>('outbox', { where: { dueAt: { $gt: now } }, orderBy: { fields: ['dueAt'], direction: 'asc' }, limit: 1000 });
  for (const record of items) await deps.store.update('outbox', record.id, { set: { dueAt: now } }, { dueAt: record.dueAt });
}

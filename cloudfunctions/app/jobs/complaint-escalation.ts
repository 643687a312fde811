import { COMPLAINT_ESCALATION_WORKING_DAYS } from '../../../shared/domain/evaluation/complaints';
import { pathIds } from '../../../shared/domain/unit-tree';
import { WEEKENDS_ONLY, workingDaysDeadline } from '../../../shared/domain/working-days';
import { audit } from '../common/audit';
import type { ComplaintDoc } from '../collections/evaluation';
import type { CollectiveDoc } from '../collections/filing';
import type { Deps } from '../context';
import { adminsFor, enqueueMessages, level1AdminsFor } from '../features/evaluation/escalation-notice';
import { afterCommit } from '../outbox/perform';
import type { Message } from '../ports/notifier';
import { eachDocument } from '../ports/store';
import { transact } from '../ports/transaction-retry';

type Step = 'chased' | 'escalated';

/** What each step tells whom: the managing unit at the deadline, the level-1 unit after it. */
async function messagesFor(deps: Deps, c: ComplaintDoc, step: Step): Promise<Message[]> {
  const name = (await deps.store.get<CollectiveDoc>('collectives', c.collectiveId))?.name ?? '';
  const admins = step === 'chased' ? await adminsFor(deps, c.unitPath) : await level1AdminsFor(deps, c.unitPath);
  const [title, body] =
    step === 'chased'
      ? ['投诉逾期催办', `「${name}」的一条投诉已过答复期限，请尽快核实答复。`]
      : ['投诉逾期转办', `「${name}」的一条投诉逾期${COMPLAINT_ESCALATION_WORKING_DAYS}个工作日仍未答复，已转本单位督办。`];
  return admins.map((admin) => ({ recipient: { kind: 'account', accountId: admin.id }, topic: step === 'chased' ? 'complaintOverdue' : 'complaintEscalated', title, body, page: 'admin/evaluation/complaints' }));
}

/**
 * Moves one complaint a step, re-checked in its transaction (still pending, still at the step before, same
 * version): a response that landed meanwhile wins, and a second or late run changes nothing. The step, its
 * audit record and its messages land together.
 */
async function step(deps: Deps, found: ComplaintDoc, to: Step, set: Partial<ComplaintDoc>): Promise<boolean> {
  const now = deps.now();
  const at = now.toISOString();
  const messages = await messagesFor(deps, found, to);
  const records = await transact(deps.store, async (tx) => {
    const done = await tx.update('complaints', found.id, { set: { ...set, escalation: to, updatedAt: at, version: found.version + 1 } }, { version: found.version, status: 'pending', escalation: found.escalation ?? 'none' });
    if (!done) return null;
    await audit(tx, now, {
      actor: null,
      action: to === 'chased' ? 'evaluation.chaseComplaint' : 'evaluation.escalateComplaint',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { complaintId: found.id, escalation: to, level1UnitId: pathIds(found.unitPath)[1] ?? null },
    });
    return enqueueMessages(tx, now, messages);
  });
  if (!records) return false;
  await afterCommit(deps, records);
  return true;
}

/**
 * 投诉 not answered by their deadline: first chased (the managing unit's admins are told through the outbox),
 * then, still unanswered at the end of the COMPLAINT_ESCALATION_WORKING_DAYS-th working day after the last
 * day allowed, sent to the level-1 unit (its admins told). Each found through an index on (status,
 * escalation, instant). Answers how many complaints moved.
 */
export async function escalateOverdueComplaints(deps: Deps): Promise<number> {
  const at = deps.now().toISOString();
  const calendar = deps.config.workCalendar ?? WEEKENDS_ONLY;
  let moved = 0;
  const overdue = eachDocument<ComplaintDoc>(deps.store, 'complaints', { where: { status: 'pending', escalation: 'none', dueAt: { $lte: at } }, orderBy: { fields: ['dueAt'], direction: 'asc' } });
  for await (const found of overdue) {
    // From the last day allowed (the instant before the first late one), so the unit has that many working days more.
    const escalateAt = workingDaysDeadline(new Date(Date.parse(found.dueAt) - 1), COMPLAINT_ESCALATION_WORKING_DAYS, calendar).toISOString();
    if (await step(deps, found, 'chased', { escalateAt })) moved++;
  }
  const late = eachDocument<ComplaintDoc>(deps.store, 'complaints', { where: { status: 'pending', escalation: 'chased', escalateAt: { $lte: at } }, orderBy: { fields: ['escalateAt'], direction: 'asc' } });
  for await (const found of late) if (await step(deps, found, 'escalated', {})) moved++;
  return moved;
}

/**
 * The data upgrade of complaints filed before the escalation job and the collective's own rectification:
 * they get `escalation: 'none'` (what the job's query finds; an overdue one is chased on the next run) and
 * whether they ask the collective to rectify (its list's index), each read and written in one transaction.
 */
export async function upgradeComplaintFields(deps: Pick<Deps, 'store'>): Promise<number> {
  let upgraded = 0;
  for await (const found of eachDocument<ComplaintDoc>(deps.store, 'complaints', { orderBy: { fields: [], direction: 'asc' } })) {
    if (found.escalation !== undefined) continue;
    const done = await transact(deps.store, async (tx) => {
      const c = await tx.get<ComplaintDoc>('complaints', found.id);
      if (!c || c.escalation !== undefined) return false;
      return tx.update('complaints', c.id, { set: { escalation: 'none', escalateAt: null, rectificationRequested: !!c.response?.rectificationRequest && c.verdict === 'upheld', collectiveRectification: null } });
    });
    if (done) upgraded++;
  }
  return upgraded;
}

/** The `Job` registered in JOBS (typed there: importing its type here would be a cycle). */
export const complaintEscalation = {
  everyMinutes: 10,
  run: async (deps: Deps) => {
    await escalateOverdueComplaints(deps);
  },
};

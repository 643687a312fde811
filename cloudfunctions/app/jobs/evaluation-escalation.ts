import { audit } from '../common/audit';
import type { EvaluationCaseDoc } from '../collections/evaluation';
import type { Deps } from '../context';
import { escalation } from '../features/evaluation/follow-up';
import { enqueueMessages, escalationMessages } from '../features/evaluation/escalation-notice';
import { afterCommit } from '../outbox/perform';
import { eachDocument } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/**
 * A 差评 case still open after its deadline goes to the managing unit's queue, once, audited, and its admins
 * are told (through the outbox). Each is
 * re-checked in its transaction (still open, not yet escalated, same version): an answer that landed
 * meanwhile wins, and a second or late run changes nothing.
 */
export async function escalateOverdueCases(deps: Deps): Promise<number> {
  const now = deps.now();
  const at = now.toISOString();
  let escalated = 0;
  const overdue = eachDocument<EvaluationCaseDoc>(deps.store, 'evaluationCases', {
    where: { status: 'open', escalated: false, dueAt: { $lte: at } },
    orderBy: { fields: ['dueAt'], direction: 'asc' },
  });
  for await (const found of overdue) {
    const messages = await escalationMessages(deps, found, 'overdue');
    const records = await transact(deps.store, async (tx) => {
      const done = await tx.update('evaluationCases', found.id, { set: { ...escalation('overdue', at), updatedAt: at, version: found.version + 1 } }, { version: found.version, status: 'open', escalated: false });
      if (!done) return null;
      await audit(tx, now, { actor: null, action: 'evaluation.escalateCase', objectType: 'collective', objectId: found.collectiveId, unitPath: found.unitPath, after: { caseId: found.id, escalation: 'overdue' } });
      return enqueueMessages(tx, now, messages);
    });
    if (!records) continue;
    await afterCommit(deps, records);
    escalated++;
  }
  return escalated;
}

/** The `Job` registered in JOBS (typed there: importing its type here would be a cycle). */
export const evaluationEscalation = {
  everyMinutes: 10,
  run: async (deps: Deps) => {
    await escalateOverdueCases(deps);
  },
};

import { isNegative } from '../../../../shared/domain/evaluation/rules';
import { WEEKENDS_ONLY, workingDaysDeadline } from '../../../../shared/domain/working-days';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { EscalationReason, EvaluationCaseDoc, EvaluationDoc } from '../../collections/evaluation';
import type { Deps } from '../../context';
import { eachDocument, type StoreOps } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import { followUpDaysOf } from './campaign-of';
import { countedRating, countFollowUp } from './counts';

/** When a 差评 or complaint given now must be answered by: its campaign's N working days on the configured calendar. */
export const followUpDeadline = (deps: Pick<Deps, 'now' | 'config'>, workingDays: number): string =>
  workingDaysDeadline(deps.now(), workingDays, deps.config.workCalendar ?? WEEKENDS_ONLY).toISOString();

/** The same, reading the campaign's follow-up period (where nothing else of its settings is needed). */
export const followUpDueAt = async (deps: Pick<Deps, 'now' | 'config' | 'store'>, campaignId: string | null): Promise<string> =>
  followUpDeadline(deps, (await followUpDaysOf(deps.store, campaignId)).workingDays);

/**
 * Keeps the evaluation's follow-up case in step with it, inside its transaction: a counted 差评 has an
 * open case (opened again if a replacement made it one after being withdrawn); an evaluation that is no
 * longer a counted 差评 (replaced, or folded by an appeal) withdraws a case still open. An answered case
 * stays answered. `created`: the evaluation was first written in this transaction, under a new id, so it has
 * no case yet and none is read.
 */
export async function syncCase(tx: StoreOps, evaluation: EvaluationDoc, at: string, dueAt: string, created = false): Promise<void> {
  const existing = created ? null : await tx.get<EvaluationCaseDoc>('evaluationCases', evaluation.id);
  const counted = countedRating(evaluation);
  const negative = counted !== null && isNegative(counted);
  if (negative && !existing) {
    const [, unitL1 = '', unitL2 = '', unitL3 = ''] = pathIds(evaluation.unitPath);
    await tx.insert<EvaluationCaseDoc>('evaluationCases', {
      id: evaluation.id, collectiveId: evaluation.collectiveId, unitPath: evaluation.unitPath, unitL1, unitL2, unitL3, campaignId: evaluation.campaignId,
      status: 'open', openedAt: at, dueAt, reply: null, escalated: false, escalatedAt: null, escalation: null, updatedAt: at, version: 1,
    });
    await countFollowUp(tx, evaluation.collectiveId, { cases: 1 });
  } else if (negative && existing?.status === 'withdrawn') {
    await tx.update('evaluationCases', existing.id, { set: { status: 'open', openedAt: at, dueAt, updatedAt: at, version: existing.version + 1 } });
    await countFollowUp(tx, evaluation.collectiveId, { cases: 1 });
  } else if (!negative && existing?.status === 'open') {
    await tx.update('evaluationCases', existing.id, { set: { status: 'withdrawn', updatedAt: at, version: existing.version + 1 } });
    await countFollowUp(tx, evaluation.collectiveId, { cases: -1 });
  }
}

/** The fields that send a case to the managing unit's queue. */
export const escalation = (reason: EscalationReason, at: string) => ({ escalated: true, escalatedAt: at, escalation: reason });

/**
 * The data upgrade of cases written before they carried their evaluation's campaign and whether their
 * answer came in time (the 考评's item 4 counts by both), each read and written in one transaction.
 */
export async function upgradeCaseFields(deps: Pick<Deps, 'store'>): Promise<number> {
  let upgraded = 0;
  const lacking = (c: EvaluationCaseDoc) => c.campaignId === undefined || (c.reply !== null && c.answeredOnTime === undefined);
  for await (const found of eachDocument<EvaluationCaseDoc>(deps.store, 'evaluationCases', { orderBy: { fields: [], direction: 'asc' } })) {
    if (!lacking(found)) continue;
    const done = await transact(deps.store, async (tx) => {
      const [c, evaluation] = [await tx.get<EvaluationCaseDoc>('evaluationCases', found.id), await tx.get<EvaluationDoc>('evaluations', found.id)];
      if (!c || !evaluation || !lacking(c)) return false;
      return tx.update('evaluationCases', c.id, { set: { campaignId: evaluation.campaignId, ...(c.reply ? { answeredOnTime: c.reply.at < c.dueAt } : {}) } });
    });
    if (done) upgraded++;
  }
  return upgraded;
}

import { FOLLOW_UP_WORKING_DAYS, isNegative } from '../../../../shared/domain/evaluation/rules';
import { WEEKENDS_ONLY, workingDaysDeadline } from '../../../../shared/domain/working-days';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { EscalationReason, EvaluationCaseDoc, EvaluationDoc } from '../../collections/evaluation';
import type { Deps } from '../../context';
import type { StoreOps } from '../../ports/store';
import { countedRating, countFollowUp } from './counts';

/** When a 差评 given now must be answered by: N working days on the configured calendar. */
export const followUpDeadline = (deps: Pick<Deps, 'now' | 'config'>): string =>
  workingDaysDeadline(deps.now(), FOLLOW_UP_WORKING_DAYS, deps.config.workCalendar ?? WEEKENDS_ONLY).toISOString();

/**
 * Keeps the evaluation's follow-up case in step with it, inside its transaction: a counted 差评 has an
 * open case (opened again if a replacement made it one after being withdrawn); an evaluation that is no
 * longer a counted 差评 (replaced, or folded by an appeal) withdraws a case still open. An answered case
 * stays answered.
 */
export async function syncCase(tx: StoreOps, evaluation: EvaluationDoc, at: string, dueAt: string): Promise<void> {
  const existing = await tx.get<EvaluationCaseDoc>('evaluationCases', evaluation.id);
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

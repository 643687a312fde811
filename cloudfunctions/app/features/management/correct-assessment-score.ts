import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AssessmentCorrection, AssessmentSheetDoc } from '../../collections/management';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { assessedUnit, blankSheet, checkScore, loadRound, sheetEvidence, sheetId, sheetView } from './assessment';

/**
 * After publication a score changes only by a correction: the sheet's next version, the score before and
 * after and the reason kept on the sheet for the unit to read, and audited.
 */
export const correctAssessmentScore: Handler<typeof contract.management.correctAssessmentScore> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const round = await loadRound(ctx.store, input.roundId);
  if (round.status !== 'published') throw new AppError('ASSESSMENT_NOT_PUBLISHED');
  const unit = await assessedUnit(ctx, input.unitId);
  checkScore(round, unit.kind, input.no, input.points);
  const id = sheetId(round.id, unit.id);
  const to = { points: input.points, note: input.note };
  const sheet = await transact(ctx.store, async (tx) => {
    const current = await tx.get<AssessmentSheetDoc>('assessmentSheets', id);
    const base = current ?? blankSheet(round, unit);
    const correction: AssessmentCorrection = { version: base.version + 1, no: input.no, from: base.scores[input.no] ?? null, to, reason: input.reason, byName: actor.name, at: ctx.now().toISOString() };
    const next: AssessmentSheetDoc = { ...base, scores: { ...base.scores, [input.no]: to }, version: correction.version, corrections: [...base.corrections, correction] };
    if (!current) await tx.insert('assessmentSheets', next);
    else if (!(await tx.update('assessmentSheets', id, { set: { scores: next.scores, version: next.version, corrections: next.corrections } }, { version: current.version }))) {
      throw new AppError('CONFLICT');
    }
    await audit(tx, ctx.now(), {
      actor, action: 'management.correctAssessmentScore', objectType: 'assessmentSheet', objectId: id, unitPath: unit.path,
      before: correction.from && { no: input.no, ...correction.from }, after: { no: input.no, version: correction.version, ...to }, reason: input.reason,
    });
    return next;
  });
  return { sheet: sheetView(round, sheet, await sheetEvidence(ctx, round, sheet, unit), actor) };
};

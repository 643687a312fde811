import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AssessmentSheetDoc } from '../../collections/management';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { assessedUnit, blankSheet, checkScore, loadRound, sheetEvidence, sheetId, sheetView } from './assessment';

/**
 * The office scores one item of a unit's sheet with a note, before publication. The first score fixes the
 * points; the round is written with every score, so a publication at the same moment cannot slip between.
 */
export const scoreAssessmentItem: Handler<typeof contract.management.scoreAssessmentItem> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const round = await loadRound(ctx.store, input.roundId);
  if (round.status === 'published') throw new AppError('ASSESSMENT_PUBLISHED');
  const unit = await assessedUnit(ctx, input.unitId);
  checkScore(round, unit.kind, input.no, input.points);
  const score = { points: input.points, note: input.note };
  const id = sheetId(round.id, unit.id);
  const sheet = await transact(ctx.store, async (tx) => {
    if (!(await tx.update('assessmentRounds', round.id, { set: { scoringStarted: true } }, { status: 'open', version: round.version }))) {
      const now = await loadRound(tx, round.id);
      throw new AppError(now.status === 'published' ? 'ASSESSMENT_PUBLISHED' : 'CONFLICT');
    }
    const current = await tx.get<AssessmentSheetDoc>('assessmentSheets', id);
    const next: AssessmentSheetDoc = current ?? blankSheet(round, unit);
    const before = next.scores[input.no] ?? null;
    next.scores = { ...next.scores, [input.no]: score };
    if (current) await tx.update('assessmentSheets', id, { set: { scores: next.scores } });
    else await tx.insert('assessmentSheets', next);
    await audit(tx, ctx.now(), {
      actor, action: 'management.scoreAssessmentItem', objectType: 'assessmentSheet', objectId: id, unitPath: unit.path,
      before: before && { no: input.no, ...before }, after: { no: input.no, ...score },
    });
    return next;
  });
  return { sheet: sheetView(round, sheet, await sheetEvidence(ctx, round, sheet, unit), actor) };
};

import type { contract } from '../../../../shared/contract';
import type { AssessmentSheetDoc } from '../../collections/management';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { assessedUnit, blankSheet, loadRound, roundView, sheetEvidence, sheetId, sheetView } from './assessment';

/** A level-1 unit's sheet: the office sees any with its scores; the unit sees its own, its scores only once published. */
export const assessmentSheet: Handler<typeof contract.management.assessmentSheet> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const round = await loadRound(ctx.store, input.roundId);
  const unit = await assessedUnit(ctx, input.unitId);
  const sheet = (await ctx.store.get<AssessmentSheetDoc>('assessmentSheets', sheetId(round.id, unit.id))) ?? blankSheet(round, unit);
  return { round: roundView(round), sheet: sheetView(round, sheet, await sheetEvidence(ctx, round, sheet, unit), actor) };
};

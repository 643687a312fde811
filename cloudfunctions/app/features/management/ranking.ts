import type { RankingRowView } from '../../../../shared/contract/management-assessment';
import { rankByTotal, sheetTotal } from '../../../../shared/domain/management/assessment';
import type { AssessmentRoundDoc, AssessmentSheetDoc } from '../../collections/management';
import type { UnitDoc } from '../../collections';
import { childUnits } from '../../common/units';
import { findAll } from '../../ports/store';
import { accountOf, type UseCaseContext } from '../../context';
import { blankSheet, scoresOf } from './assessment';

/** Every level-1 unit's totals in a round, ranked (ties share a rank); a unit without a sheet scores 0. */
export async function rankingOf(ctx: UseCaseContext, round: AssessmentRoundDoc): Promise<{ rows: RankingRowView[]; sheets: Map<string, AssessmentSheetDoc>; units: UnitDoc[] }> {
  const root = accountOf(ctx).unitId;
  const [units, stored] = await Promise.all([
    childUnits(ctx.store, root),
    findAll<AssessmentSheetDoc>(ctx.store, 'assessmentSheets', { where: { roundId: round.id }, orderBy: { fields: ['unitId'], direction: 'asc' } }),
  ]);
  const sheets = new Map(stored.map((sheet) => [sheet.unitId, sheet]));
  const rows = units.map((unit) => {
    const sheet = sheets.get(unit.id) ?? blankSheet(round, unit);
    return {
      unitId: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      submitted: sheet.submittedAt !== null,
      scored: Object.keys(sheet.scores).length,
      ...sheetTotal(round.items, scoresOf(sheet), unit.kind),
      version: sheet.version,
    };
  });
  return { rows: rankByTotal(rows), sheets, units };
}

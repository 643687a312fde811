import type { contract } from '../../../../shared/contract';
import { reportChars } from '../../../../shared/domain/management/assessment';
import { AppError } from '../../../../shared/errors';
import type { AssessmentSheetDoc } from '../../collections/management';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { assessedUnit, blankSheet, evidenceOf, loadRound, sheetId, sheetView } from './assessment';

/**
 * A level-1 unit submits its 情况报告 and confirms its ledger; the evidence read from its records now is
 * kept with it, so the office scores what the unit confirmed. It may submit again until publication.
 */
export const submitAssessmentReport: Handler<typeof contract.management.submitAssessmentReport> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const round = await loadRound(ctx.store, input.roundId);
  if (round.status === 'published') throw new AppError('ASSESSMENT_PUBLISHED');
  const unit = await assessedUnit(ctx, undefined);
  const evidence = await evidenceOf(ctx, round, unit);
  const now = ctx.now().toISOString();
  const submitted = { report: input.report, ledgerConfirmed: true, submittedAt: now, submittedByName: actor.name, evidence };
  const sheet = await transact(ctx.store, async (tx) => {
    // Read in the transaction: a publication meanwhile closes the round to reports.
    if ((await loadRound(tx, round.id)).status === 'published') throw new AppError('ASSESSMENT_PUBLISHED');
    const id = sheetId(round.id, unit.id);
    const current = await tx.get<AssessmentSheetDoc>('assessmentSheets', id);
    const next: AssessmentSheetDoc = { ...(current ?? blankSheet(round, unit)), ...submitted };
    if (current) await tx.update('assessmentSheets', id, { set: submitted });
    else await tx.insert('assessmentSheets', next);
    await audit(tx, ctx.now(), {
      actor, action: 'management.submitAssessmentReport', objectType: 'assessmentSheet', objectId: id, unitPath: unit.path,
      after: { reportChars: reportChars(input.report), ledgerConfirmed: true },
    });
    return next;
  });
  return { sheet: sheetView(round, sheet, evidence, actor) };
};

import type { FunctionHandlers } from '../../router';
import { assessmentRanking } from './assessment-ranking';
import { assessmentSheet } from './assessment-sheet';
import { correctAssessmentScore } from './correct-assessment-score';
import { dashboard } from './dashboard';
import { exportAssessment } from './export-assessment';
import { exportDashboard } from './export-dashboard';
import { listAssessments } from './list-assessments';
import { listLedger } from './list-ledger';
import { openAssessment } from './open-assessment';
import { publishAssessment } from './publish-assessment';
import { recordLedgerEntry } from './record-ledger-entry';
import { removeLedgerEntry } from './remove-ledger-entry';
import { scoreAssessmentItem } from './score-assessment-item';
import { setAssessmentPoints } from './set-assessment-points';
import { submitAssessmentReport } from './submit-assessment-report';
import { uploadLedgerAttachment } from './upload-ledger-attachment';

/** The `management` function (issue #14): quota progress for the office and level-1 admins, the 五个一 ledgers, the 考评. */
export const managementHandlers: FunctionHandlers<'management'> = {
  dashboard, exportDashboard, recordLedgerEntry, uploadLedgerAttachment, listLedger, removeLedgerEntry,
  openAssessment, setAssessmentPoints, listAssessments, assessmentSheet, submitAssessmentReport, scoreAssessmentItem, publishAssessment, correctAssessmentScore, assessmentRanking, exportAssessment,
};

import type { FunctionHandlers } from '../../router';
import { dashboard } from './dashboard';
import { exportDashboard } from './export-dashboard';
import { listLedger } from './list-ledger';
import { recordLedgerEntry } from './record-ledger-entry';
import { removeLedgerEntry } from './remove-ledger-entry';
import { uploadLedgerAttachment } from './upload-ledger-attachment';

/** The `management` function (issue #14): quota progress for the office and level-1 admins, the 五个一 ledgers. */
export const managementHandlers: FunctionHandlers<'management'> = { dashboard, exportDashboard, recordLedgerEntry, uploadLedgerAttachment, listLedger, removeLedgerEntry };

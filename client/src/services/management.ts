import { call, type CallInput, type CallResult } from './call';
import { saveFile } from './filing';

/** 报备进度看板 (issue #14): the office's and level-1 admins' quota progress. */
export const quotaDashboard = (input: CallInput<'management', 'dashboard'>) => call('management', 'dashboard', input);

/** The dashboard's table as xlsx, offered as a download (H5) or opened in WeChat's document viewer. */
export async function exportQuotaDashboard(input: CallInput<'management', 'exportDashboard'>): Promise<CallResult<'management', 'exportDashboard'>> {
  const result = await call('management', 'exportDashboard', input);
  if (result.ok) await saveFile(result.data.fileName, result.data.contentBase64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return result;
}

/** 五个一 ledgers: a unit records its own work; units above read it. */
export const recordLedgerEntry = (input: CallInput<'management', 'recordLedgerEntry'>) => call('management', 'recordLedgerEntry', input);
export const listLedger = (input: CallInput<'management', 'listLedger'>) => call('management', 'listLedger', input);
export const removeLedgerEntry = (entryId: string) => call('management', 'removeLedgerEntry', { entryId });

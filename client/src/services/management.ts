import Taro from '@tarojs/taro';
import { call, type CallInput, type CallResult } from './call';
import { pickFile, saveFile, XLSX } from './files';
import { choosePhoto } from './photos';

/** 报备进度看板 (issue #14): the office's and level-1 admins' quota progress. */
export const quotaDashboard = (input: CallInput<'management', 'dashboard'>) => call('management', 'dashboard', input);

/** The dashboard's table as xlsx, offered as a download (H5) or opened in WeChat's document viewer. */
export async function exportQuotaDashboard(input: CallInput<'management', 'exportDashboard'>): Promise<CallResult<'management', 'exportDashboard'>> {
  const result = await call('management', 'exportDashboard', input);
  if (result.ok) await saveFile(result.data.fileName, result.data.contentBase64, XLSX);
  return result;
}

/** 五个一 ledgers: a unit records its own work; units above read it. */
export const recordLedgerEntry = (input: CallInput<'management', 'recordLedgerEntry'>) => call('management', 'recordLedgerEntry', input);
export const listLedger = (input: CallInput<'management', 'listLedger'>) => call('management', 'listLedger', input);
export const removeLedgerEntry = (entryId: string) => call('management', 'removeLedgerEntry', { entryId });

/** Chooses a photo, or a PDF, and uploads it for the unit's ledger; null when the user chose nothing. */
export async function addLedgerAttachment(kind: 'photo' | 'pdf'): Promise<CallResult<'management', 'uploadLedgerAttachment'> | null> {
  if (kind === 'pdf') {
    const file = await pickFile(['pdf']);
    return file ? call('management', 'uploadLedgerAttachment', { fileName: file.name, contentType: 'application/pdf', base64: file.base64 }) : null;
  }
  const photo = await choosePhoto();
  if (!photo) return null;
  const fileName = `照片${new Date().toISOString().slice(0, 10)}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}`;
  return call('management', 'uploadLedgerAttachment', { fileName, ...photo });
}

/**
 * Opens a ledger attachment: a new tab in the browser; in WeChat a photo in the image viewer and a PDF
 * in the document viewer, fetched from cloud storage first.
 */
export async function openLedgerAttachment(attachment: { url: string; contentType: string }): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(attachment.url, '_blank', 'noopener');
    return;
  }
  if (attachment.contentType !== 'application/pdf') {
    await Taro.previewImage({ urls: [attachment.url], current: attachment.url });
    return;
  }
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: attachment.url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
}

import Taro from '@tarojs/taro';
import { action, type CallResult } from './call';
import { pickFile } from './files';
import { choosePhoto } from './photos';

/** 报备进度看板 (issue #14): the office's and level-1 admins' quota progress. */
export const quotaDashboard = action('management', 'dashboard');

/** The dashboard's table as xlsx (the page offers it with saveFile). */
export const exportQuotaDashboard = action('management', 'exportDashboard');

/** 五个一 ledgers: a unit records its own work; units above read it. */
export const recordLedgerEntry = action('management', 'recordLedgerEntry');
export const listLedger = action('management', 'listLedger');
export const removeLedgerEntry = action('management', 'removeLedgerEntry');
const uploadLedgerAttachment = action('management', 'uploadLedgerAttachment');

/** Chooses a photo, or a PDF, and uploads it for the unit's ledger; null when the user chose nothing. */
export async function addLedgerAttachment(kind: 'photo' | 'pdf'): Promise<CallResult<'management', 'uploadLedgerAttachment'> | null> {
  if (kind === 'pdf') {
    const file = await pickFile(['pdf']);
    return file ? uploadLedgerAttachment({ fileName: file.name, contentType: 'application/pdf', base64: file.base64 }) : null;
  }
  const photo = await choosePhoto();
  if (!photo) return null;
  const fileName = `照片${new Date().toISOString().slice(0, 10)}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}`;
  return uploadLedgerAttachment({ fileName, ...photo });
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

/** 考评: the office opens, scores and publishes a round; a level-1 unit reports and reads its own sheet. */
export const openAssessment = action('management', 'openAssessment');
export const setAssessmentPoints = action('management', 'setAssessmentPoints');
export const listAssessments = action('management', 'listAssessments');
export const assessmentSheet = action('management', 'assessmentSheet');
export const submitAssessmentReport = action('management', 'submitAssessmentReport');
export const scoreAssessmentItem = action('management', 'scoreAssessmentItem');
export const publishAssessment = action('management', 'publishAssessment');
export const correctAssessmentScore = action('management', 'correctAssessmentScore');
export const assessmentRanking = action('management', 'assessmentRanking');
export const exportAssessment = action('management', 'exportAssessment');

import Taro from '@tarojs/taro';
import type { FilingDraftContent } from '../../../shared/contract/filing-content';
import { requestSubscriptions } from './subscriptions';
import { clearDeviceCopy, readDeviceCopy, writeDeviceCopy, type DeviceCopy } from './device-copies';

/**
 * The collective's filing form kept on the device as it is typed (device-copies.ts). Keyed by account and
 * campaign; cleared once the filing is submitted.
 */
export type LocalDraft = DeviceCopy<FilingDraftContent>;

const keyOf = (accountId: string, campaignId: string) => `filing-draft:${accountId}:${campaignId}`;

export const readLocalDraft = (accountId: string, campaignId: string): LocalDraft | null => readDeviceCopy<FilingDraftContent>(keyOf(accountId, campaignId));
export const writeLocalDraft = (accountId: string, campaignId: string, content: FilingDraftContent): void => writeDeviceCopy(keyOf(accountId, campaignId), content);
export const clearLocalDraft = (accountId: string, campaignId: string): void => clearDeviceCopy(keyOf(accountId, campaignId));

/** Offers a file the backend produced (xlsx, …): a download in the browser, a document viewer in WeChat. */
export async function saveFile(fileName: string, base64: string, mime: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = `data:${mime};base64,${base64}`;
    link.download = fileName;
    link.className = 'download-link';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  const path = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(path, base64, 'base64');
  await Taro.openDocument({ filePath: path, showMenu: true });
}

/** Asks, at submit, for the subscriptions that carry the reviewers' decision and the pre-deadline reminder. */
export const askFilingSubscription = (): Promise<void> => requestSubscriptions([FILING_DECISION_TEMPLATE, FILING_REMINDER_TEMPLATE]);

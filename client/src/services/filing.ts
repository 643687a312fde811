import type { FilingDraftContent } from '../../../shared/contract/filing-content';
import { action } from './call';
import { requestSubscriptions } from './subscriptions';
import { clearDeviceCopy, readDeviceCopy, writeDeviceCopy, type DeviceCopy } from './device-copies';

/** 报备 services: the collective's own filing. */
export const getMyFiling = action('filing', 'getMine');
export const saveFilingDraft = action('filing', 'saveDraft');
export const submitFiling = action('filing', 'submit');

/**
 * The collective's filing form kept on the device as it is typed (device-copies.ts). Keyed by account and
 * campaign; cleared once the filing is submitted.
 */
export type LocalDraft = DeviceCopy<FilingDraftContent>;

const keyOf = (accountId: string, campaignId: string) => `filing-draft:${accountId}:${campaignId}`;

export const readLocalDraft = (accountId: string, campaignId: string): LocalDraft | null => readDeviceCopy<FilingDraftContent>(keyOf(accountId, campaignId));
export const writeLocalDraft = (accountId: string, campaignId: string, content: FilingDraftContent): void => writeDeviceCopy(keyOf(accountId, campaignId), content);
export const clearLocalDraft = (accountId: string, campaignId: string): void => clearDeviceCopy(keyOf(accountId, campaignId));

/** Asks, at submit, for the subscriptions that carry the reviewers' decision and the pre-deadline reminder. */
export const askFilingSubscription = (): Promise<void> => requestSubscriptions([FILING_DECISION_TEMPLATE, FILING_REMINDER_TEMPLATE]);

import Taro from '@tarojs/taro';
import type { FilingDraftContent } from '../../../shared/contract/filing-content';
import { action } from './call';
import { requestSubscriptions } from './subscriptions';

/** 报备 services: the collective's own filing. */
export const getMyFiling = action('filing', 'getMine');
export const saveFilingDraft = action('filing', 'saveDraft');
export const submitFiling = action('filing', 'submit');

/**
 * The collective's form kept on the device as it is typed, so closing the mini-program loses nothing even
 * before the server has the draft. Keyed by account and campaign; cleared once the filing is submitted.
 */
export interface LocalDraft {
  content: FilingDraftContent;
  savedAt: string;
}

const keyOf = (accountId: string, campaignId: string) => `filing-draft:${accountId}:${campaignId}`;

export function readLocalDraft(accountId: string, campaignId: string): LocalDraft | null {
  try {
    const value: unknown = Taro.getStorageSync(keyOf(accountId, campaignId));
    if (value && typeof value === 'object' && 'content' in value && 'savedAt' in value) return value as LocalDraft;
  } catch {
    // Storage unavailable: the server copy is used.
  }
  return null;
}

export function writeLocalDraft(accountId: string, campaignId: string, content: FilingDraftContent): void {
  try {
    Taro.setStorageSync(keyOf(accountId, campaignId), { content, savedAt: new Date().toISOString() } satisfies LocalDraft);
  } catch {
    // Storage full or unavailable: the server draft still saves.
  }
}

export function clearLocalDraft(accountId: string, campaignId: string): void {
  try {
    Taro.removeStorageSync(keyOf(accountId, campaignId));
  } catch {
    // Nothing to clear.
  }
}

/** Asks, at submit, for the subscriptions that carry the reviewers' decision and the pre-deadline reminder. */
export const askFilingSubscription = (): Promise<void> => requestSubscriptions([FILING_DECISION_TEMPLATE, FILING_REMINDER_TEMPLATE]);

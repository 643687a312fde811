import type { EntryDraftContent } from '../../../shared/contract/creationlog';
import { call, type CallInput, type CallResult } from './call';
import { clearDeviceCopy, readDeviceCopy, writeDeviceCopy } from './device-copies';
import { choosePhotos } from './photos';
import { requestSubscriptions } from './subscriptions';

/** 创建日志: the collective's workspace, and the admins who follow it. One function per action of `creationlog`. */
export const creationLogOverview = () => call('creationlog', 'overview', {});
export const listMyEntries = (input: CallInput<'creationlog', 'listMine'>) => call('creationlog', 'listMine', input);
export const getMyEntry = (entryId: string) => call('creationlog', 'getMine', { entryId });
export const saveEntryDraft = (input: CallInput<'creationlog', 'saveDraft'>) => call('creationlog', 'saveDraft', input);
export const entryDraftFromEvent = (eventId: string) => call('creationlog', 'draftFromEvent', { eventId });
export const discardEntryDraft = (entryId: string) => call('creationlog', 'discardDraft', { entryId });
export const submitEntry = (entryId: string, version: number) => call('creationlog', 'submit', { entryId, version });
export const creationLogFeed = (input: CallInput<'creationlog', 'feed'>) => call('creationlog', 'feed', input);
export const readEntry = (entryId: string) => call('creationlog', 'readEntry', { entryId });
export const addGuidance = (entryId: string, text: string) => call('creationlog', 'addGuidance', { entryId, text });
export const silentCollectives = (input: CallInput<'creationlog', 'silentCollectives'>) => call('creationlog', 'silentCollectives', input);
export const creationLogStats = (input: CallInput<'creationlog', 'stats'>) => call('creationlog', 'stats', input);

/**
 * Chooses up to `room` images and uploads them one by one for the collective's entries; answers each upload's
 * result in order (empty when the user cancelled the choice).
 */
export async function uploadEntryImages(room: number): Promise<Array<CallResult<'creationlog', 'uploadImage'>>> {
  const results: Array<CallResult<'creationlog', 'uploadImage'>> = [];
  for (const photo of await choosePhotos(room)) results.push(await call('creationlog', 'uploadImage', photo));
  return results;
}

/**
 * Asks, in the tap that submits an entry, for the subscription that carries guidance on it (topic
 * `creationLogGuidance` in WX_SUBSCRIBE_TEMPLATES). The template id is a build-time constant.
 */
export const askGuidanceSubscription = (): Promise<void> => requestSubscriptions([CREATIONLOG_GUIDANCE_TEMPLATE]);

/**
 * An entry's form kept on the device as it is typed (device-copies.ts), by account and entry: its id, or
 * `new` / `correcting:<id>` until the first save gives it one. Cleared when it is submitted or discarded.
 */
const copyKey = (accountId: string, entryKey: string) => `creationlog-draft:${accountId}:${entryKey}`;
export const readEntryCopy = (accountId: string, entryKey: string) => readDeviceCopy<EntryDraftContent>(copyKey(accountId, entryKey));
export const writeEntryCopy = (accountId: string, entryKey: string, content: EntryDraftContent) => writeDeviceCopy(copyKey(accountId, entryKey), content);
export const clearEntryCopy = (accountId: string, entryKey: string) => clearDeviceCopy(copyKey(accountId, entryKey));

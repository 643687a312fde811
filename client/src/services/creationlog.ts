import type { EntryDraftContent } from '../../../shared/contract/creationlog';
import { action, type CallResult } from './call';
import { clearDeviceCopy, readDeviceCopy, writeDeviceCopy } from './device-copies';
import { putDeviceFile } from './device-files';
import { pickPhotos, type PickedPhoto } from './photos';
import { chooseVideo, tooLargeOnDevice } from './videos';
import { requestSubscriptions } from './subscriptions';

/** 创建日志: the collective's workspace, and the admins who follow it. One function per action of `creationlog`. */
export const creationLogOverview = action('creationlog', 'overview');
export const listMyEntries = action('creationlog', 'listMine');
export const getMyEntry = action('creationlog', 'getMine');
export const saveEntryDraft = action('creationlog', 'saveDraft');
export const entryDraftFromEvent = action('creationlog', 'draftFromEvent');
export const discardEntryDraft = action('creationlog', 'discardDraft');
export const submitEntry = action('creationlog', 'submit');
export const creationLogFeed = action('creationlog', 'feed');
export const readEntry = action('creationlog', 'readEntry');
export const addGuidance = action('creationlog', 'addGuidance');
export const silentCollectives = action('creationlog', 'silentCollectives');
export const creationLogStats = action('creationlog', 'stats');
export const approveVideo = action('creationlog', 'approveVideo');
export const setEntryPublic = action('creationlog', 'setPublic');
export const creationLogCategories = action('creationlog', 'categories');
export const setCreationLogCategories = action('creationlog', 'setCategories');
const imageUploadPath = action('creationlog', 'imageUploadPath');
const checkImage = action('creationlog', 'checkImage');
const videoUploadPath = action('creationlog', 'videoUploadPath');
const checkVideo = action('creationlog', 'checkVideo');

/**
 * 添加视频: picks one video and sends it straight from the device into the collective's folder (never through a
 * function call: it may be 50 MB), then has the server check what arrived. Null when the user cancelled.
 */
export async function addEntryVideo(): Promise<CallResult<'creationlog', 'checkVideo'> | null> {
  const video = await chooseVideo();
  if (!video) return null;
  const refused = tooLargeOnDevice(video);
  if (refused) return { ok: false, error: { code: 'VIDEO_INVALID', message: refused, fields: { url: refused } } };
  const where = await videoUploadPath({});
  if (!where.ok) return where;
  const put = await putDeviceFile(video.source, where.data.cloudPath, 'video/mp4');
  if (!put.ok) return put;
  return checkVideo({ url: put.data.url });
}

/**
 * One picked image and its thumbnail sent straight from the device to the paths the function names for them (as a
 * video is: no base64 through a function call), then checked by the server, which answers the address an entry names.
 */
async function uploadEntryImage(photo: PickedPhoto): Promise<CallResult<'creationlog', 'checkImage'>> {
  const thumbnail = photo.thumbnail ?? photo.image;
  const where = await imageUploadPath({ contentType: photo.image.contentType, thumbnailType: thumbnail.contentType });
  if (!where.ok) return where;
  const image = await putDeviceFile(photo.image.file, where.data.cloudPath, photo.image.contentType);
  if (!image.ok) return image;
  const small = await putDeviceFile(thumbnail.file, where.data.thumbnailPath, thumbnail.contentType);
  if (!small.ok) return small;
  return checkImage({ url: image.data.url, thumbnailUrl: small.data.url });
}

/**
 * 添加图片: chooses up to `room` images, compresses each on the device with a thumbnail beside it, and uploads them one
 * by one for the collective's entries; answers each upload's result in order (empty when the user cancelled the choice).
 */
export async function uploadEntryImages(room: number): Promise<Array<CallResult<'creationlog', 'checkImage'>>> {
  const results: Array<CallResult<'creationlog', 'checkImage'>> = [];
  for (const photo of await pickPhotos(room, { thumbnails: true })) results.push(await uploadEntryImage(photo));
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

import { AppError } from '../../../../shared/errors';
import type { CheckedVideoView } from '../../../../shared/contract/creationlog-views';
import type { CreationVideoDoc, EntryVideo } from '../../collections/creationlog';
import type { UseCaseContext } from '../../context';
import { uploadFolder } from './uploads';

/** The name `videoUploadPath` gives a video in the collective's folder: the checked-video record's id, then `.mp4`. */
const VIDEO_NAME = /^([0-9a-f]{32})\.mp4$/;

/** The record id of a video address in this collective's own folder; null for any other address (another collective's file included). */
export function videoIdIn(ctx: UseCaseContext, collectiveId: string, url: string): string | null {
  const key = ctx.files?.keyOf(url);
  const folder = uploadFolder(collectiveId);
  if (!key?.startsWith(folder)) return null;
  return VIDEO_NAME.exec(key.slice(folder.length))?.[1] ?? null;
}

/** What a refusal says at the field the form shows the video in. */
export const videoRefusal = (code: 'VIDEO_NOT_UPLOADED' | 'VIDEO_INVALID', message: string, field: string) =>
  new AppError(code, message, { [field]: message });

export const checkedVideo = (doc: CreationVideoDoc): CheckedVideoView => ({ url: doc.url, seconds: doc.seconds, bytes: doc.bytes });

/**
 * The video an entry's content names: one this collective checked in (`checkVideo`), or the one the entry
 * already has (keeping its approval). A new video waits for an admin's approval again.
 */
export async function entryVideo(ctx: UseCaseContext, collectiveId: string, url: string | null | undefined, current: EntryVideo | null): Promise<EntryVideo | null> {
  if (!url) return null;
  if (current?.url === url) return current;
  const id = videoIdIn(ctx, collectiveId, url);
  const checked = id ? await ctx.store.get<CreationVideoDoc>('creationVideos', id) : null;
  if (!checked || checked.collectiveId !== collectiveId) throw videoRefusal('VIDEO_NOT_UPLOADED', '视频：请通过“添加视频”上传', 'content.video');
  return { ...checkedVideo(checked), approvedAt: null, approvedByUnitName: null };
}

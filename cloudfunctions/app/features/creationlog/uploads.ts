import { AppError } from '../../../../shared/errors';
import type { CreationUploadDoc } from '../../collections/creationlog';
import type { UseCaseContext } from '../../context';
import type { StoreOps } from '../../ports/store';

/** A collective's creation-log images and videos live under one folder of their own. */
export const uploadFolder = (collectiveId: string): string => `creationlog/${collectiveId}/`;

/** A file `imageUploadPath` or `videoUploadPath` names: the upload's id, then `.jpg`/`.png`/`.mp4`, or `-320.jpg`/`-320.png` for a thumbnail. */
const UPLOAD_FILE = /^([0-9a-f]{32})(-320)?\.(jpg|png|mp4)$/;

/** The thumbnail's key beside an image's: same name, `-320` before the extension (its long edge is at most 320 px). */
export const thumbnailKey = (folder: string, id: string, ext: string): string => `${folder}${id}-320.${ext}`;

/** The upload id of an address in this collective's folder (an image, its thumbnail or a video); null for any other address. */
export function uploadIdIn(ctx: UseCaseContext, collectiveId: string, url: string): string | null {
  const key = ctx.files?.keyOf(url);
  const folder = uploadFolder(collectiveId);
  if (!key?.startsWith(folder)) return null;
  return UPLOAD_FILE.exec(key.slice(folder.length))?.[1] ?? null;
}

/** Records a path issued to the collective, so that its files are deleted if no entry comes to name them. */
export async function recordIssued(ctx: UseCaseContext, collectiveId: string, id: string, kind: CreationUploadDoc['kind'], keys: string[]): Promise<void> {
  await ctx.store.insert<CreationUploadDoc>('creationUploads', {
    id,
    collectiveId,
    kind,
    keys,
    issuedAt: ctx.now().toISOString(),
    entryIds: [],
    attached: false,
    image: null,
    removing: false,
  });
}

/** The uploads an entry's images and video name (legacy files, uploaded before uploads were followed, have no record and are skipped). */
export function uploadIdsOf(ctx: UseCaseContext, collectiveId: string, entry: { images: string[]; video?: { url: string } | null }): string[] {
  const urls = [...entry.images, ...(entry.video ? [entry.video.url] : [])];
  return [...new Set(urls.map((url) => uploadIdIn(ctx, collectiveId, url)).filter((id): id is string => id !== null))];
}

/**
 * Inside the entry's write: each upload it now names lists it, each it no longer names (removed from a draft, or
 * the draft discarded) drops it, and an upload named by no entry any more is left to the purge job. An upload the
 * job has begun to delete cannot be named again.
 */
export async function followUploads(tx: StoreOps, entryId: string, before: string[], after: string[]): Promise<void> {
  const changes = [
    ...after.filter((id) => !before.includes(id)).map((id) => ({ id, attach: true })),
    ...before.filter((id) => !after.includes(id)).map((id) => ({ id, attach: false })),
  ];
  for (const { id, attach } of changes) {
    const upload = await tx.get<CreationUploadDoc>('creationUploads', id);
    if (!upload) continue;
    if (attach && upload.removing) {
      throw upload.kind === 'video'
        ? new AppError('VIDEO_NOT_UPLOADED', undefined, { 'content.video': '视频：请通过“添加视频”上传' })
        : new AppError('IMAGE_NOT_UPLOADED', undefined, { 'content.images': '图片：请通过“添加图片”上传' });
    }
    const entryIds = attach ? [...upload.entryIds.filter((e) => e !== entryId), entryId] : upload.entryIds.filter((e) => e !== entryId);
    await tx.update('creationUploads', id, { set: { entryIds, attached: entryIds.length > 0 } });
  }
}

import { AppError } from '../../../shared/errors';
import type { PhotoUploadDoc } from '../collections/media';
import type { UseCaseContext } from '../context';
import type { StoreOps } from '../ports/store';
import { newId } from '../security/random';
import { checkedImage, filesOf, isUploadIn } from './uploads';

/**
 * Photos uploaded by someone whose identity must stay out of every key and view (a member of the public rating a
 * collective): the file gets a random name in `folder`, and who uploaded it is recorded apart (`photoUploads`, by
 * the file name), so only they can attach it, and nobody can tell from the address whose it is. The bytes pass the
 * checks every upload passes (common/uploads.ts); rate limits are the calling feature's.
 */
export async function saveOwnedPhoto(ctx: UseCaseContext, folder: string, owner: string, input: { contentType: 'image/jpeg' | 'image/png'; base64: string }, label: string): Promise<string> {
  const files = filesOf(ctx);
  const { bytes, ext } = checkedImage(input, label);
  const id = newId();
  const url = await files.save(`${folder}${id}.${ext}`, bytes, input.contentType);
  const doc: PhotoUploadDoc = { id, folder, owner, url, createdAt: ctx.now().toISOString(), attached: false };
  await ctx.store.insert('photoUploads', doc);
  return url;
}

/**
 * Refuses (`refusal`, at `field`) any address that is not a photo `owner` uploaded into `folder`: another person's
 * photo, another folder's, or an address from elsewhere.
 */
export async function assertOwnedPhotos(ctx: UseCaseContext, folder: string, owner: string, urls: readonly string[], refusal: { code: 'PHOTO_NOT_UPLOADED'; field: string }): Promise<void> {
  for (const url of urls) {
    const id = uploadIdOf(ctx, folder, url);
    const upload = id ? await ctx.store.get<PhotoUploadDoc>('photoUploads', id) : null;
    if (!upload || upload.owner !== owner || upload.folder !== folder || upload.url !== url || upload.removing) throw refused(refusal);
  }
}

/**
 * Inside the write that names them: each photo (already checked by `assertOwnedPhotos`) is marked attached, so the
 * purge of abandoned photos leaves it alone; one the purge has begun to delete since is refused as never uploaded.
 */
export async function attachOwnedPhotos(ctx: UseCaseContext, tx: StoreOps, folder: string, urls: readonly string[], refusal: { code: 'PHOTO_NOT_UPLOADED'; field: string }): Promise<void> {
  for (const url of urls) {
    const id = uploadIdOf(ctx, folder, url);
    const upload = id ? await tx.get<PhotoUploadDoc>('photoUploads', id) : null;
    if (!upload || upload.removing) throw refused(refusal);
    if (upload.attached === false) await tx.update('photoUploads', upload.id, { set: { attached: true } });
  }
}

const uploadIdOf = (ctx: UseCaseContext, folder: string, url: string): string | null => {
  const key = isUploadIn(ctx, url, folder) ? ctx.files?.keyOf(url) : null;
  return key ? key.slice(folder.length).split('.')[0] : null;
};

const refused = (refusal: { code: 'PHOTO_NOT_UPLOADED'; field: string }) => new AppError(refusal.code, undefined, { [refusal.field]: '请通过“添加照片”上传' });

import { AppError } from '../../../../shared/errors';
import type { CreationEntryDoc, CreationUploadDoc } from '../../collections/creationlog';
import type { UseCaseContext } from '../../context';
import { uploadIdIn } from './uploads';

export const imageRefusal = (field: string) => new AppError('IMAGE_NOT_UPLOADED', undefined, { [field]: '图片：请通过“添加图片”上传' });

/**
 * An entry's images, each with the thumbnail lists show. Each must be one this collective uploaded and had checked
 * (`checkImage`), one the entry already has or the entry it corrects has (`holders`), or a photo of the open-week
 * event the entry is linked to (shown as it is): never an address of another collective's files or of anywhere else.
 */
export async function entryImages(
  ctx: UseCaseContext,
  collectiveId: string,
  images: string[],
  eventPhotos: string[],
  holders: Array<Pick<CreationEntryDoc, 'images' | 'thumbnails'>>,
): Promise<{ images: string[]; thumbnails: string[] }> {
  const thumbnails: string[] = [];
  for (const url of images) {
    const holder = holders.find((entry) => entry.images.includes(url));
    if (holder) {
      thumbnails.push(holder.thumbnails?.[holder.images.indexOf(url)] ?? url);
      continue;
    }
    if (eventPhotos.includes(url)) {
      thumbnails.push(url);
      continue;
    }
    const id = uploadIdIn(ctx, collectiveId, url);
    const upload = id ? await ctx.store.get<CreationUploadDoc>('creationUploads', id) : null;
    if (!upload?.image || upload.image.url !== url || upload.collectiveId !== collectiveId || upload.removing) throw imageRefusal('content.images');
    thumbnails.push(upload.image.thumbnailUrl);
  }
  return { images, thumbnails };
}

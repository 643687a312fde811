import { AppError } from '../../../../shared/errors';
import type { UseCaseContext } from '../../context';
import { isUploadIn } from '../../common/uploads';

/** A collective's creation-log images live under one folder of their own. */
export const imageFolder = (collectiveId: string): string => `creationlog/${collectiveId}/`;

/**
 * An entry's images must be ones this collective uploaded for its log (checked to be images when they
 * were), or photos of the open-week event the entry is linked to: never an address of another collective's
 * files or of anywhere else.
 */
export function checkEntryImages(ctx: UseCaseContext, collectiveId: string, images: string[], eventPhotos: string[]): void {
  const foreign = images.find((url) => !eventPhotos.includes(url) && !isUploadIn(ctx, url, imageFolder(collectiveId)));
  if (foreign !== undefined) throw new AppError('IMAGE_NOT_UPLOADED', undefined, { 'content.images': '图片：请通过“添加图片”上传' });
}

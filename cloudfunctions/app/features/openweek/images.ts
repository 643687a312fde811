import { AppError } from '../../../../shared/errors';
import type { UseCaseContext } from '../../context';
import { isUploadIn } from '../../common/uploads';

/** A collective's event covers live under one folder of their own. */
export const coverFolder = (collectiveId: string): string => `openweek/covers/${collectiveId}/`;

/**
 * An event's cover must be an image the collective uploaded with uploadCover (checked to be an image,
 * kept in our storage): not an arbitrary address the public's browsers would be sent to. A cover the
 * event already has (`kept`) may stay as it is.
 */
export function checkCoverUrl(ctx: UseCaseContext, collectiveId: string, coverUrl: string | undefined, kept: string | null = null): void {
  if (!coverUrl || coverUrl === kept) return;
  if (!isUploadIn(ctx, coverUrl, coverFolder(collectiveId))) {
    throw new AppError('COVER_NOT_UPLOADED', undefined, { coverUrl: '封面图片：请通过“选择图片”上传封面' });
  }
}

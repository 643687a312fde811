import { AppError } from '../../../../shared/errors';
import type { UseCaseContext } from '../../context';
import type { FileStorage } from '../../ports/files';

type ImageType = 'image/jpeg' | 'image/png';

const SIGNATURES: Record<ImageType, { bytes: number[]; ext: string }> = {
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], ext: 'jpg' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png' },
};

/** Where uploads go; refused when this function runs without file storage. */
export function filesOf(ctx: UseCaseContext): FileStorage {
  if (!ctx.files) throw new AppError('FILES_UNAVAILABLE');
  return ctx.files;
}

/**
 * The bytes of an uploaded image, checked to be the JPEG or PNG it claims (by its leading bytes), and the
 * file extension to keep it under. Anything else is refused at `base64`, naming the field (`label`).
 */
export function checkedImage(input: { contentType: ImageType; base64: string }, label: string): { bytes: Buffer; ext: string } {
  const bytes = Buffer.from(input.base64, 'base64');
  const signature = SIGNATURES[input.contentType];
  if (bytes.length < 16 || !signature.bytes.every((b, i) => bytes[i] === b)) {
    const message = `${label}：请上传 JPEG 或 PNG 图片`;
    throw new AppError('PHOTO_INVALID', message, { base64: message });
  }
  return { bytes, ext: signature.ext };
}

/** A collective's event covers live under one folder of their own. */
export const coverFolder = (collectiveId: string): string => `openweek/covers/${collectiveId}/`;

/** Exactly the keys uploadCover writes for this collective: `<folder><newId>.<ext>`. */
const isCoverKey = (key: string, collectiveId: string): boolean =>
  key.startsWith(coverFolder(collectiveId)) && /^[0-9a-f]{32}\.(jpg|png)$/.test(key.slice(coverFolder(collectiveId).length));

/**
 * An event's cover must be an image the collective uploaded with uploadCover (checked to be an image,
 * kept in our storage): not an arbitrary address the public's browsers would be sent to. A cover the
 * event already has (`kept`) may stay as it is.
 */
export function checkCoverUrl(ctx: UseCaseContext, collectiveId: string, coverUrl: string | undefined, kept: string | null = null): void {
  if (!coverUrl || coverUrl === kept) return;
  const key = ctx.files?.keyOf(coverUrl);
  if (!key || !isCoverKey(key, collectiveId)) {
    throw new AppError('COVER_NOT_UPLOADED', undefined, { coverUrl: '封面图片：请通过“选择图片”上传封面' });
  }
}

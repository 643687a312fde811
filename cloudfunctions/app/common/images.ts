import { AppError } from '../../../shared/errors';
import type { UseCaseContext } from '../context';
import type { FileStorage } from '../ports/files';

/**
 * Images that collectives upload (open-week covers and photos, creation-log images): where they go, and
 * the checks every upload passes whatever feature receives it.
 */
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

/** Exactly the keys an upload writes into `folder`: `<folder><newId>.<ext>`. */
export const isUploadKey = (key: string, folder: string): boolean =>
  key.startsWith(folder) && /^[0-9a-f]{32}\.(jpg|png)$/.test(key.slice(folder.length));

/** Whether an address (URL or file id) `files` answered for an upload into `folder`. */
export function isUploadIn(ctx: UseCaseContext, url: string, folder: string): boolean {
  const key = ctx.files?.keyOf(url);
  return !!key && isUploadKey(key, folder);
}

import { AppError, ERRORS } from '../../../shared/errors';
import type { UseCaseContext } from '../context';
import type { FileStorage } from '../ports/files';

/**
 * Files users upload (open-week covers and photos, creation-log images, ledger photos and PDFs): where they
 * go, and the checks every upload passes whatever feature receives it.
 */
const SIGNATURES = {
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], ext: 'jpg' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png' },
  // "%PDF-"
  'application/pdf': { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], ext: 'pdf' },
} as const;
export type UploadType = keyof typeof SIGNATURES;
type ImageType = 'image/jpeg' | 'image/png';

const UPLOAD_NAME = new RegExp(`^[0-9a-f]{32}\\.(${Object.values(SIGNATURES).map((s) => s.ext).join('|')})$`);

/** Where uploads go; refused when this function runs without file storage. */
export function filesOf(ctx: UseCaseContext): FileStorage {
  if (!ctx.files) throw new AppError('FILES_UNAVAILABLE');
  return ctx.files;
}

/**
 * The bytes of an upload, checked to be the type it claims (by its leading bytes), and the file extension
 * to keep it under. Anything else is refused with `code` at `base64` (its message, or `message` naming the field).
 */
export function checkedUpload(
  input: { contentType: UploadType; base64: string },
  code: 'PHOTO_INVALID' | 'ATTACHMENT_INVALID',
  message: string = ERRORS[code].message,
): { bytes: Buffer; ext: string } {
  const bytes = Buffer.from(input.base64, 'base64');
  if (!isOfType(bytes, input.contentType)) throw new AppError(code, message, { base64: message });
  return { bytes, ext: extensionOf(input.contentType) };
}

/** Whether `bytes` begin as a file of `type` does (its signature): what a file is, whatever its name or the device says. */
export const isOfType = (bytes: Buffer, type: UploadType): boolean => bytes.length >= 16 && SIGNATURES[type].bytes.every((b, i) => bytes[i] === b);

/** The extension files of `type` are kept under. */
export const extensionOf = (type: UploadType): string => SIGNATURES[type].ext;

/** The type whose extension a key ends in; null for any other. */
export const typeOfKey = (key: string): UploadType | null =>
  (Object.keys(SIGNATURES) as UploadType[]).find((type) => key.endsWith(`.${SIGNATURES[type].ext}`)) ?? null;

/** An uploaded image, checked to be the JPEG or PNG it claims; otherwise refused naming the field (`label`). */
export const checkedImage = (input: { contentType: ImageType; base64: string }, label: string) =>
  checkedUpload(input, 'PHOTO_INVALID', `${label}：请上传 JPEG 或 PNG 图片`);

/** Exactly the keys an upload writes into `folder`: `<folder><newId>.<ext>`. */
export const isUploadKey = (key: string, folder: string): boolean => key.startsWith(folder) && UPLOAD_NAME.test(key.slice(folder.length));

/** Whether an address (URL or file id) `files` answered for an upload into `folder`. */
export function isUploadIn(ctx: UseCaseContext, url: string, folder: string): boolean {
  const key = ctx.files?.keyOf(url);
  return !!key && isUploadKey(key, folder);
}

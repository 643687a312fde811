import { AppError } from '../../../shared/errors';
import type { UseCaseContext } from '../context';
import type { FileStorage } from '../ports/files';

/** What each accepted file type starts with, and the extension it is kept under. */
const SIGNATURES = {
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], ext: 'jpg' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png' },
  // "%PDF-"
  'application/pdf': { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], ext: 'pdf' },
} as const;
export type UploadType = keyof typeof SIGNATURES;

/** Where uploads go; refused when this function runs without file storage. */
export function storageOf(ctx: UseCaseContext): FileStorage {
  if (!ctx.files) throw new AppError('FILES_UNAVAILABLE');
  return ctx.files;
}

/** The bytes of an upload, checked to be the type it claims by their leading bytes; otherwise ATTACHMENT_INVALID at `base64`. */
export function checkedUpload(contentType: UploadType, base64: string): { bytes: Buffer; ext: string } {
  const bytes = Buffer.from(base64, 'base64');
  const signature = SIGNATURES[contentType];
  if (bytes.length < 16 || !signature.bytes.every((b, i) => bytes[i] === b)) {
    throw new AppError('ATTACHMENT_INVALID', undefined, { base64: '附件：请上传 JPEG、PNG 图片或 PDF 文件' });
  }
  return { bytes, ext: signature.ext };
}

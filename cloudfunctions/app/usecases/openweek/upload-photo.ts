import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { ownEvent } from './helpers';

const SIGNATURES: Record<'image/jpeg' | 'image/png', { bytes: number[]; ext: string }> = {
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], ext: 'jpg' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png' },
};

/** A summary photo of the collective's own event, checked to be the image it claims, kept in file storage. */
export const uploadPhoto: Handler<typeof contract.openweek.uploadPhoto> = async (ctx, input) => {
  const event = await ownEvent(ctx, input.eventId);
  if (!ctx.files) throw new AppError('FILES_UNAVAILABLE');
  const bytes = Buffer.from(input.base64, 'base64');
  const signature = SIGNATURES[input.contentType];
  if (bytes.length < 16 || !signature.bytes.every((b, i) => bytes[i] === b)) throw new AppError('PHOTO_INVALID', undefined, { base64: '照片：请上传 JPEG 或 PNG 图片' });
  const url = await ctx.files.save(`openweek/${event.id}/${newId()}.${signature.ext}`, bytes, input.contentType);
  return { url };
};

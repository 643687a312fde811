import type { contract } from '../../../../shared/contract';
import { visitorOf } from '../../common/identity';
import { saveOwnedPhoto } from '../../common/owned-photos';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { PHOTO_FOLDER } from './photos';

/**
 * A photo for the visitor's evaluation: checked to be the JPEG or PNG it claims, kept under a random name, counted
 * per visitor and per address. Only this visitor can attach it (`evaluate` checks); it is shown once it passes
 * content security there.
 */
export const uploadPhoto: Handler<typeof contract.evaluation.uploadPhoto> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  await checkLimits(ctx, 'visitorPhoto', { visitor: visitorId });
  return { url: await saveOwnedPhoto(ctx, PHOTO_FOLDER, visitorId, input, '照片') };
};

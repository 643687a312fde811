import type { contract } from '../../../../shared/contract';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { ownEvent } from './loaders';
import { checkedImage, filesOf } from '../../common/uploads';

/** A summary photo of the collective's own event, checked to be the image it claims, kept in file storage. */
export const uploadPhoto: Handler<typeof contract.openweek.uploadPhoto> = async (ctx, input) => {
  const event = await ownEvent(ctx, input.eventId);
  const files = filesOf(ctx);
  const { bytes, ext } = checkedImage(input, '照片');
  await checkLimits(ctx, 'upload', { collective: event.collectiveId, bytes: bytes.length });
  const url = await files.save(`openweek/${event.id}/${newId()}.${ext}`, bytes, input.contentType);
  return { url };
};

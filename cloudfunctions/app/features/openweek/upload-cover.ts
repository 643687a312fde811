import type { contract } from '../../../../shared/contract';
import { accountOf } from '../../context';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { checkedImage, filesOf } from '../../common/uploads';
import { coverFolder } from './images';

/**
 * A cover image for the collective's events, checked to be the image it claims and kept in file storage
 * under the collective's own folder. It becomes an event's cover when the event is saved with its URL.
 */
export const uploadCover: Handler<typeof contract.openweek.uploadCover> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const files = filesOf(ctx);
  const { bytes, ext } = checkedImage(input, '封面图片');
  await checkLimits(ctx, 'upload', { collective: collective.id, bytes: bytes.length });
  const url = await files.save(`${coverFolder(collective.id)}${newId()}.${ext}`, bytes, input.contentType);
  return { url };
};

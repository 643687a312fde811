import type { contract } from '../../../../shared/contract';
import { checkedImage, filesOf } from '../../common/uploads';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { myCollective } from './entries';
import { imageFolder } from './images';

/**
 * An image for the collective's entries, checked to be the image it claims and kept under the collective's
 * own folder; counted against its daily upload quota (count and bytes). An entry refers to it by the answer.
 */
export const uploadImage: Handler<typeof contract.creationlog.uploadImage> = async (ctx, input) => {
  const files = filesOf(ctx);
  const { bytes, ext } = checkedImage(input, '图片');
  const collective = await myCollective(ctx);
  await checkLimits(ctx, 'upload', { collective: collective.id, bytes: bytes.length });
  return { url: await files.save(`${imageFolder(collective.id)}${newId()}.${ext}`, bytes, input.contentType) };
};

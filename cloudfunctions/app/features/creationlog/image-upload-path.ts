import type { contract } from '../../../../shared/contract';
import { MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES } from '../../../../shared/domain/creationlog/categories';
import { extensionOf, filesOf } from '../../common/uploads';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { myCollective } from './entries';
import { recordIssued, thumbnailKey, uploadFolder } from './uploads';

/**
 * 添加图片, first step: where the device puts one compressed image and its thumbnail (the mini-program with
 * `Taro.cloud.uploadFile`, the browser with `PUT /files/<path>`), new names in the collective's own folder that
 * only this caller learns. Recorded, so that files no entry comes to name are deleted a day later.
 */
export const imageUploadPath: Handler<typeof contract.creationlog.imageUploadPath> = async (ctx, input) => {
  const files = filesOf(ctx);
  const collective = await myCollective(ctx);
  await checkLimits(ctx, 'uploadPath', { collective: collective.id });
  const id = newId();
  const folder = uploadFolder(collective.id);
  const cloudPath = `${folder}${id}.${extensionOf(input.contentType)}`;
  const thumbnailPath = thumbnailKey(folder, id, extensionOf(input.thumbnailType));
  await recordIssued(ctx, collective.id, id, 'image', [cloudPath, thumbnailPath]);
  files.allowUpload(cloudPath, MAX_IMAGE_BYTES);
  files.allowUpload(thumbnailPath, MAX_THUMBNAIL_BYTES);
  return { cloudPath, thumbnailPath };
};

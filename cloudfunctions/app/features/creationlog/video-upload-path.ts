import type { contract } from '../../../../shared/contract';
import { MAX_VIDEO_BYTES } from '../../../../shared/domain/creationlog/categories';
import { filesOf } from '../../common/uploads';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { myCollective } from './entries';
import { recordIssued, uploadFolder } from './uploads';

/**
 * Where the device puts a video (in the mini-program, `Taro.cloud.uploadFile` straight to cloud storage: a
 * video is too large to pass through a function call; on the local host, `PUT /files/<cloudPath>`): a new
 * name in the collective's own folder, which only this caller learns. Recorded, so that a video no entry
 * comes to name is deleted a day later.
 */
export const videoUploadPath: Handler<typeof contract.creationlog.videoUploadPath> = async (ctx) => {
  const files = filesOf(ctx);
  const collective = await myCollective(ctx);
  await checkLimits(ctx, 'uploadPath', { collective: collective.id });
  const id = newId();
  const cloudPath = `${uploadFolder(collective.id)}${id}.mp4`;
  await recordIssued(ctx, collective.id, id, 'video', [cloudPath]);
  files.allowUpload(cloudPath, MAX_VIDEO_BYTES);
  return { cloudPath };
};

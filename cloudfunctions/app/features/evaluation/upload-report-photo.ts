import type { contract } from '../../../../shared/contract';
import { checkedImage, filesOf } from '../../common/uploads';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { activeSupervisor, reportPhotoFolder } from './supervisors';

/** A photo for a 明察暗访 report, checked to be the image it claims and kept under the supervisor's folder; a report refers to it by the answer. */
export const uploadReportPhoto: Handler<typeof contract.evaluation.uploadReportPhoto> = async (ctx, input) => {
  const files = filesOf(ctx);
  const { bytes, ext } = checkedImage(input, '照片');
  const { visitorId, supervisor } = await activeSupervisor(ctx, input.supervisorId);
  await checkLimits(ctx, 'supervisionUpload', { visitor: visitorId });
  return { url: await files.save(`${reportPhotoFolder(supervisor.id)}${newId()}.${ext}`, bytes, input.contentType) };
};

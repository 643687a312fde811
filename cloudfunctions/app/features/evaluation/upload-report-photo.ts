import type { contract } from '../../../../shared/contract';
import { saveOwnedPhoto } from '../../common/owned-photos';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { activeSupervisor, REPORT_PHOTO_FOLDER } from './supervisors';

/**
 * A photo for a 明察暗访 report, checked to be the image it claims, kept under a random name with the appointment
 * as its owner; only that supervisor's report can name it (`fileReport` checks).
 */
export const uploadReportPhoto: Handler<typeof contract.evaluation.uploadReportPhoto> = async (ctx, input) => {
  const { visitorId, supervisor } = await activeSupervisor(ctx, input.supervisorId);
  await checkLimits(ctx, 'supervisionUpload', { visitor: visitorId });
  return { url: await saveOwnedPhoto(ctx, REPORT_PHOTO_FOLDER, supervisor.id, input, '照片') };
};

import type { FunctionHandlers } from '../../router';
import { appointSupervisor } from './appoint-supervisor';
import { declineReport } from './decline-report';
import { fileReport } from './file-report';
import { forwardReport } from './forward-report';
import { myReports } from './my-reports';
import { mySupervision } from './my-supervision';
import { redeemInvitation } from './redeem-invitation';
import { revokeSupervisor } from './revoke-supervisor';
import { unitReports } from './unit-reports';
import { unitSupervisors } from './unit-supervisors';
import { uploadReportPhoto } from './upload-report-photo';

type SupervisionAction = keyof typeof import('../../../../shared/contract/evaluation-supervision').supervision;

/** 监督查评: the supervisors' actions of the `evaluation` function, one table so the function's own stays as it was. */
export const supervisionHandlers: Pick<FunctionHandlers<'evaluation'>, SupervisionAction> = {
  appointSupervisor,
  unitSupervisors,
  revokeSupervisor,
  redeemInvitation,
  mySupervision,
  uploadReportPhoto,
  fileReport,
  myReports,
  unitReports,
  forwardReport,
  declineReport,
};

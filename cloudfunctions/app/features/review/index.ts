import type { FunctionHandlers } from '../../router';
import { decide } from './decide';
import { decideRevocation } from './decide-revocation';
import { decideTransfer } from './decide-transfer';
import { exportStatistics } from './export-statistics';
import { getFiling } from './get-filing';
import { issueTransferPassword } from './issue-transfer-password';
import { listQueue } from './list-queue';
import { listRevocations } from './list-revocations';
import { listTransferRequests } from './list-transfer-requests';
import { recordOfficeOpinion } from './record-office-opinion';
import { renameCollective } from './rename-collective';
import { requestRevocation } from './request-revocation';
import { requestTransfer } from './request-transfer';
import { restructureCollective } from './restructure-collective';
import { transferCollective } from './transfer-collective';

export const reviewHandlers: FunctionHandlers<'review'> = {
  listQueue,
  getFiling,
  decide,
  recordOfficeOpinion,
  renameCollective,
  transferCollective,
  requestTransfer,
  decideTransfer,
  listTransferRequests,
  issueTransferPassword,
  restructureCollective,
  requestRevocation,
  decideRevocation,
  listRevocations,
  exportStatistics,
};

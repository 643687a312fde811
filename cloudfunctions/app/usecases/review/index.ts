import type { FunctionHandlers } from '../../router';
import { decide } from './decide';
import { decideRevocation } from './decide-revocation';
import { exportStatistics } from './export-statistics';
import { getFiling } from './get-filing';
import { listQueue } from './list-queue';
import { listRevocations } from './list-revocations';
import { recordOfficeOpinion } from './record-office-opinion';
import { renameCollective } from './rename-collective';
import { requestRevocation } from './request-revocation';
import { restructureCollective } from './restructure-collective';
import { transferCollective } from './transfer-collective';

export const reviewHandlers: FunctionHandlers<'review'> = {
  listQueue,
  getFiling,
  decide,
  recordOfficeOpinion,
  renameCollective,
  transferCollective,
  restructureCollective,
  requestRevocation,
  decideRevocation,
  listRevocations,
  exportStatistics,
};

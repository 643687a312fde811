import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { pendingReport } from './report-decision';
import { unitReportView } from './supervision-views';

/** An admin of the appointing unit files a report as 不转发 with the reason: the collective never sees it; the supervisor reads the reason. */
export const declineReport: Handler<typeof contract.evaluation.declineReport> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await pendingReport(ctx, input.reportId);
  const now = ctx.now();
  const at = now.toISOString();
  const set = { status: 'declined' as const, decision: { by: account.id, note: null, reason: input.reason, at }, updatedAt: at, version: found.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('supervisionReports', found.id, { set }, { version: found.version, status: 'pending' }))) throw new AppError('CONFLICT');
    await audit(tx, now, {
      actor: account,
      action: 'evaluation.declineReport',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { reportId: found.id },
      reason: input.reason,
    });
  });
  return { report: await unitReportView(ctx.store, { ...found, ...set }) };
};

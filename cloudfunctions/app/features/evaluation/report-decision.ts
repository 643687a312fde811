import { AppError } from '../../../../shared/errors';
import type { SupervisionReportDoc } from '../../collections/supervision';
import { loadInScope } from '../../common/scope';
import type { UseCaseContext } from '../../context';

/** A report still awaiting the decision of the caller, an admin of its appointing unit or above. */
export async function pendingReport(ctx: UseCaseContext, reportId: string): Promise<SupervisionReportDoc> {
  const found = await loadInScope<SupervisionReportDoc>(ctx, 'supervisionReports', reportId, '未找到该报告', (r) => r.unitPath);
  if (found.status !== 'pending') throw new AppError('INVALID_STATE', '该报告已处理（已转发或不转发）');
  return found;
}

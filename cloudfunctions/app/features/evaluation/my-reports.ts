import type { contract } from '../../../../shared/contract';
import type { SupervisionReportDoc } from '../../collections/supervision';
import { visitorOf } from '../../common/identity';
import type { Handler } from '../../router';
import { reportView } from './supervision-views';

/** 我的监督: the calling visitor's reports under all their appointments (revoked ones too), newest first, with the unit's decisions. */
export const myReports: Handler<typeof contract.evaluation.myReports> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  const page = await ctx.store.find<SupervisionReportDoc>('supervisionReports', { where: { visitorId }, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  return { items: await Promise.all(page.items.map((r) => reportView(ctx.store, r))), nextCursor: page.nextCursor };
};

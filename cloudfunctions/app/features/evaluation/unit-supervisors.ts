import type { contract } from '../../../../shared/contract';
import type { SupervisorDoc } from '../../collections/supervision';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { supervisorView } from './supervision-views';

/** The supervisors appointed in the caller's subtree, newest first: the office reads all, a level-k admin one equality on the ancestor at k. */
export const unitSupervisors: Handler<typeof contract.evaluation.unitSupervisors> = async (ctx, input) => {
  const account = accountOf(ctx);
  const where: Filter = account.role === 'office' ? {} : { [`unitL${account.level}`]: account.unitId };
  const page = await ctx.store.find<SupervisorDoc>('supervisors', { where, orderBy: { fields: ['createdAt'], direction: 'desc' }, after: input.cursor, limit: input.limit });
  return { items: await Promise.all(page.items.map((s) => supervisorView(ctx.store, s, ctx.now()))), nextCursor: page.nextCursor };
};

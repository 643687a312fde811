import type { contract } from '../../../../shared/contract';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { AuditDoc } from '../../collections';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { auditView } from './views';

/**
 * Audit records of the caller's subtree, newest first; optionally of one object. The office reads the whole
 * log; an admin reads its branch (level-1 unit), narrowed to its own subtree below level 1.
 */
export const listAudit: Handler<typeof contract.admin.listAudit> = async (ctx, input) => {
  const caller = accountOf(ctx);
  const branch = pathIds(caller.unitPath)[1];
  const inSubtree: Filter = caller.level !== null && caller.level > 1 ? { unitPath: { $prefix: caller.unitPath } } : {};
  const where: Filter = input.objectId
    ? { objectId: input.objectId, unitPath: { $prefix: caller.unitPath } }
    : branch
      ? { unitL1: branch, ...inSubtree }
      : {};
  const page = await ctx.store.find<AuditDoc>('audit', {
    where,
    orderBy: { fields: ['at'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: page.items.map(auditView), nextCursor: page.nextCursor };
};

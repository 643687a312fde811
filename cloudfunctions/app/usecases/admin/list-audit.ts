import type { contract } from '../../../../shared/contract';
import type { AuditDoc } from '../../collections';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { auditView } from '../../views';

/** Audit records of the caller's subtree, newest first; optionally of one object. */
export const listAudit: Handler<typeof contract.admin.listAudit> = async (ctx, input) => {
  const where: Filter = { unitPath: { $prefix: accountOf(ctx).unitPath } };
  if (input.objectId) where.objectId = input.objectId;
  const page = await ctx.store.find<AuditDoc>('audit', {
    where,
    orderBy: { fields: ['at'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: page.items.map(auditView), nextCursor: page.nextCursor };
};

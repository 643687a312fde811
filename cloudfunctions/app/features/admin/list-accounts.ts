import type { contract } from '../../../../shared/contract';
import { normalizeCode } from '../../../../shared/domain/account-code';
import type { AccountDoc } from '../../collections';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { accountViews } from '../../common/account-views';

/** Accounts in a unit's subtree (the caller's own by default), newest first, searchable by code or name. */
export const listAccounts: Handler<typeof contract.admin.listAccounts> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const where: Filter = { unitPath: { $prefix: unit.path } };
  if (input.role) where.role = input.role;
  if (input.status) where.status = input.status;
  const q = input.q?.trim();
  const page = await ctx.store.find<AccountDoc>('accounts', {
    where,
    anyOf: q ? [{ code: { $prefix: normalizeCode(q) } }, { name: { $contains: q } }] : undefined,
    orderBy: { fields: ['createdAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await accountViews(ctx.store, page.items), nextCursor: page.nextCursor };
};

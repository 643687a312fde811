import { AppError } from '../../../shared/errors';
import { canManageAccount } from '../../../shared/domain/account-management';
import { isWithin } from '../../../shared/domain/unit-tree';
import type { AccountDoc, UnitDoc } from '../collections';
import { accountOf, type UseCaseContext } from '../context';
import type { Doc } from '../ports/store';

/**
 * Loads a document the caller may see: `NOT_FOUND` (saying what is missing) when there is none,
 * `NOT_IN_SCOPE` when its unit lies outside the caller's unit and subtree.
 */
export async function loadInScope<T extends Doc>(
  ctx: UseCaseContext,
  collection: string,
  id: string,
  missing: string,
  unitPathOf: (doc: T) => string,
): Promise<T> {
  const doc = await ctx.store.get<T>(collection, id);
  if (!doc) throw new AppError('NOT_FOUND', missing);
  if (!isWithin(accountOf(ctx).unitPath, unitPathOf(doc))) throw new AppError('NOT_IN_SCOPE');
  return doc;
}

/** Loads a unit the caller may see: inside the caller's unit and its subtree. */
export const unitInScope = (ctx: UseCaseContext, unitId: string) => loadInScope<UnitDoc>(ctx, 'units', unitId, '未找到该管理单位', (u) => u.path);

/** Loads an account the caller may see: its unit lies in the caller's subtree. */
export const accountInScope = (ctx: UseCaseContext, accountId: string) =>
  loadInScope<AccountDoc>(ctx, 'accounts', accountId, '未找到该帐号', (a) => a.unitPath);

/** Loads an account the caller may reset, lock, unlock or unbind: in scope and below the caller. */
export async function manageableAccount(ctx: UseCaseContext, accountId: string): Promise<AccountDoc> {
  const account = await accountInScope(ctx, accountId);
  if (!canManageAccount(accountOf(ctx), account)) {
    throw new AppError('FORBIDDEN', '只能管理本辖区内下级的帐号，不能操作自己或同级帐号');
  }
  return account;
}

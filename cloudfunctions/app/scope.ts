import { AppError } from '../../shared/errors';
import { canManageAccount } from '../../shared/domain/account-management';
import { isWithin } from '../../shared/domain/unit-tree';
import type { AccountDoc, UnitDoc } from './collections';
import { accountOf, type UseCaseContext } from './context';

/** Loads a unit the caller may see: inside the caller's unit and its subtree. */
export async function unitInScope(ctx: UseCaseContext, unitId: string): Promise<UnitDoc> {
  const unit = await ctx.store.get<UnitDoc>('units', unitId);
  if (!unit) throw new AppError('NOT_FOUND', '未找到该管理单位');
  if (!isWithin(accountOf(ctx).unitPath, unit.path)) throw new AppError('NOT_IN_SCOPE');
  return unit;
}

/** Loads an account the caller may see: its unit lies in the caller's subtree. */
export async function accountInScope(ctx: UseCaseContext, accountId: string): Promise<AccountDoc> {
  const account = await ctx.store.get<AccountDoc>('accounts', accountId);
  if (!account) throw new AppError('NOT_FOUND', '未找到该帐号');
  if (!isWithin(accountOf(ctx).unitPath, account.unitPath)) throw new AppError('NOT_IN_SCOPE');
  return account;
}

/** Loads an account the caller may reset, lock, unlock or unbind: in scope and below the caller. */
export async function manageableAccount(ctx: UseCaseContext, accountId: string): Promise<AccountDoc> {
  const account = await accountInScope(ctx, accountId);
  if (!canManageAccount(accountOf(ctx), account)) {
    throw new AppError('FORBIDDEN', '只能管理本辖区内下级的帐号，不能操作自己或同级帐号');
  }
  return account;
}

import { AppError } from '../../../shared/errors';
import { isWithin } from '../../../shared/domain/unit-tree';
import type { CollectiveDoc, FilingDoc } from '../collections/filing';
import { accountOf, type UseCaseContext } from '../context';

/** A filing the caller may see: its collective's unit lies in the caller's unit or subtree. */
export async function filingInScope(ctx: UseCaseContext, filingId: string): Promise<FilingDoc> {
  const filing = await ctx.store.get<FilingDoc>('filings', filingId);
  if (!filing) throw new AppError('NOT_FOUND', '未找到该报备');
  if (!isWithin(accountOf(ctx).unitPath, filing.unitPath)) throw new AppError('NOT_IN_SCOPE');
  return filing;
}

export async function collectiveInScope(ctx: UseCaseContext, collectiveId: string): Promise<CollectiveDoc> {
  const collective = await ctx.store.get<CollectiveDoc>('collectives', collectiveId);
  if (!collective) throw new AppError('NOT_FOUND', '未找到该集体');
  if (!isWithin(accountOf(ctx).unitPath, collective.unitPath)) throw new AppError('NOT_IN_SCOPE');
  return collective;
}

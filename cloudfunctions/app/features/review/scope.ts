import type { CollectiveDoc, FilingDoc } from '../../collections/filing';
import type { UseCaseContext } from '../../context';
import { loadInScope } from '../../common/scope';

/** A filing the caller may see: its collective's unit lies in the caller's unit or subtree. */
export const filingInScope = (ctx: UseCaseContext, filingId: string) =>
  loadInScope<FilingDoc>(ctx, 'filings', filingId, '未找到该报备', (f) => f.unitPath);

export const collectiveInScope = (ctx: UseCaseContext, collectiveId: string) =>
  loadInScope<CollectiveDoc>(ctx, 'collectives', collectiveId, '未找到该集体', (c) => c.unitPath);

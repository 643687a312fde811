import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { PublicPageDoc } from '../../collections/evaluation';
import { collectiveOfAccount } from '../../common/collectives';
import { accountOf } from '../../context';
import type { Handler } from '../../router';

export const ownPublicPageView = (page: PublicPageDoc) => ({
  code: page.code,
  commitment: page.commitment,
  address: page.address,
  serviceHours: page.serviceHours,
  version: page.version,
});

/**
 * The calling collective's page as its editor shows it: a pure read. Its page comes with its document; an
 * account from before that has none until the `publicPages` data upgrade (or its first edit) writes it.
 */
export const ownPublicPage: Handler<typeof contract.evaluation.ownPublicPage> = async (ctx) => {
  const collective = await collectiveOfAccount(ctx.store, accountOf(ctx));
  const page = collective ? await ctx.store.get<PublicPageDoc>('publicPages', collective.id) : null;
  if (!page) throw new AppError('NOT_FOUND', '未找到该集体的三亮主页');
  return ownPublicPageView(page);
};

import type { contract } from '../../../../shared/contract';
import type { PublicPageDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { collectiveOfAccount } from '../../filing/support';
import type { Handler } from '../../router';
import { ensurePage } from './pages';

export const ownPublicPageView = (page: PublicPageDoc) => ({
  code: page.code,
  commitment: page.commitment,
  address: page.address,
  serviceHours: page.serviceHours,
  version: page.version,
});

/** The calling collective's page as its editor shows it. */
export const ownPublicPage: Handler<typeof contract.evaluation.ownPublicPage> = async (ctx) => {
  const collective = await collectiveOfAccount(ctx, accountOf(ctx));
  return ownPublicPageView(await ensurePage(ctx, collective));
};

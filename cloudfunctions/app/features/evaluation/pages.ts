import { AppError } from '../../../../shared/errors';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { PublicPageDoc } from '../../collections/evaluation';
import { collectiveOfAccount } from '../../common/collectives';
import { accountOf, type UseCaseContext } from '../../context';
import type { Store } from '../../ports/store';

/** A collective and its public page: what every evaluation action works on. */
export interface Target {
  collective: CollectiveDoc;
  page: PublicPageDoc;
}

const notFound = () => new AppError('NOT_FOUND', '未找到该集体的三亮主页');

/** The page a link or QR code names by its public code. */
export async function targetByCode(store: Store, code: string): Promise<Target> {
  const { items } = await store.find<PublicPageDoc>('publicPages', { where: { code }, orderBy: { fields: ['code'], direction: 'asc' }, limit: 1 });
  const page = items[0];
  const collective = page ? await store.get<CollectiveDoc>('collectives', page.id) : null;
  if (!page || !collective) throw notFound();
  return { collective, page };
}

/**
 * The page of the collective an open-week event names (events carry the collective's current account).
 * A pure read: the page is written with the collective's document (common/collectives.ts), or by the
 * `publicPages` data upgrade for collectives from before.
 */
export async function targetOfAccount(store: Store, accountId: string): Promise<Target> {
  const account = await store.get<AccountDoc>('accounts', accountId);
  if (!account || account.role !== 'collective' || account.status === 'cancelled') throw notFound();
  const collective = await collectiveOfAccount(store, account);
  const page = collective ? await store.get<PublicPageDoc>('publicPages', collective.id) : null;
  if (!collective || !page) throw notFound();
  return { collective, page };
}

/**
 * The calling collective's id for reading its own evaluations, cases and appeals. An account without its
 * collective's document yet has nothing of these, and its document would take the account's id (newCollective).
 */
export async function ownCollectiveId(ctx: UseCaseContext): Promise<string> {
  const account = accountOf(ctx);
  return (await collectiveOfAccount(ctx.store, account))?.id ?? account.id;
}

/**
 * The public code of a collective that has evaluations, cases or appeals: those came through its page, so
 * the page exists.
 */
export async function publicCodeOf(store: Store, collectiveId: string): Promise<string> {
  const page = await store.get<PublicPageDoc>('publicPages', collectiveId);
  if (!page) throw new Error(`collective ${collectiveId} has evaluations but no public page`);
  return page.code;
}

import { randomInt } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { PublicPageDoc } from '../../collections/evaluation';
import type { Deps } from '../../context';
import { collectiveOfAccount } from '../../filing/support';
import { DuplicateKeyError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import { zeroCounts } from './counts';

/** A collective and its public page: what every evaluation action works on. */
export interface Target {
  collective: CollectiveDoc;
  page: PublicPageDoc;
}

/** Lower-case letters and digits without look-alikes; account codes are upper-case, so the two never meet. */
const PUBLIC_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PUBLIC_CODE_LENGTH = 10;

const newPublicCode = () => Array.from({ length: PUBLIC_CODE_LENGTH }, () => PUBLIC_ALPHABET[randomInt(PUBLIC_ALPHABET.length)]).join('');

const notFound = () => new AppError('NOT_FOUND', '未找到该集体的三亮主页');

/**
 * The collective's public page, made at first need (its first visitor, its first evaluation, or its own
 * editor) together with its zeroed counters, so every later evaluation only increments. Two first visits
 * at once make one page; a code already taken by another page is drawn again.
 */
export async function ensurePage(deps: Deps, collective: CollectiveDoc): Promise<PublicPageDoc> {
  for (let attempt = 0; ; attempt++) {
    const existing = await deps.store.get<PublicPageDoc>('publicPages', collective.id);
    if (existing) return existing;
    const page: PublicPageDoc = { id: collective.id, code: newPublicCode(), commitment: null, address: null, serviceHours: null, updatedAt: deps.now().toISOString(), version: 1 };
    try {
      await transact(deps.store, async (tx) => {
        await tx.insert('publicPages', page);
        await tx.insert('evaluationCounts', zeroCounts(collective.id));
      });
      return page;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= 3) throw error;
    }
  }
}

/** The page a link or QR code names by its public code. */
export async function targetByCode(deps: Deps, code: string): Promise<Target> {
  const { items } = await deps.store.find<PublicPageDoc>('publicPages', { where: { code }, orderBy: { fields: ['code'], direction: 'asc' }, limit: 1 });
  const page = items[0];
  const collective = page ? await deps.store.get<CollectiveDoc>('collectives', page.id) : null;
  if (!page || !collective) throw notFound();
  return { collective, page };
}

/**
 * The page of the collective an open-week event names (events carry the collective's current account).
 * A collective that never opened its filing pages gets its collective record here, as it would there.
 */
export async function targetOfAccount(deps: Deps, accountId: string): Promise<Target> {
  const account = await deps.store.get<AccountDoc>('accounts', accountId);
  if (!account || account.role !== 'collective' || account.status === 'cancelled') throw notFound();
  const collective = await collectiveOfAccount(deps, account);
  return { collective, page: await ensurePage(deps, collective) };
}

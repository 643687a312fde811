import { randomInt } from 'node:crypto';
import { RATINGS } from '../../../shared/domain/evaluation/rules';
import type { EvaluationCountsDoc, PublicPageDoc } from '../collections/evaluation';
import type { CollectiveDoc } from '../collections/filing';
import type { Deps } from '../context';
import { DuplicateKeyError, eachDocument, type Store, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/** Lower-case letters and digits without look-alikes; account codes are upper-case, so the two never meet. */
const PUBLIC_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PUBLIC_CODE_LENGTH = 10;

const newPublicCode = () => Array.from({ length: PUBLIC_CODE_LENGTH }, () => PUBLIC_ALPHABET[randomInt(PUBLIC_ALPHABET.length)]).join('');

/** A collective's counters, all zero: written with its public page, before any evaluation can arrive. */
export function zeroCounts(collectiveId: string): EvaluationCountsDoc {
  const doc = { id: collectiveId, cases: 0, answeredOnTime: 0 } as EvaluationCountsDoc;
  for (const r of RATINGS) {
    doc[`wechat${r}`] = 0;
    doc[`h5${r}`] = 0;
    doc[`supervisor${r}`] = 0;
  }
  return doc;
}

/**
 * In the transaction that writes a collective's document: its 三亮 page under a fresh public code, and its
 * zeroed counters, so reading the page never writes and every evaluation only increments. A code another
 * page holds fails the transaction on the unique index (DuplicateKeyError), as a taken account code does.
 */
export async function openPublicPage(tx: StoreOps, collective: Pick<CollectiveDoc, 'id' | 'unitPath' | 'status'>, at: Date): Promise<PublicPageDoc> {
  const collectiveId = collective.id;
  // A page kept from before (its collective's document rewritten, or made by an older version) stays as it is.
  const existing = await tx.get<PublicPageDoc>('publicPages', collectiveId);
  if (existing) return existing;
  const page: PublicPageDoc = {
    id: collectiveId, code: newPublicCode(), commitment: null, address: null, serviceHours: null,
    unitPath: collective.unitPath, active: collective.status === 'active', complete: false, updatedAt: at.toISOString(), version: 1,
  };
  await tx.insert('publicPages', page);
  if (!(await tx.get('evaluationCounts', collectiveId))) await tx.insert('evaluationCounts', zeroCounts(collectiveId));
  return page;
}

/**
 * A collective's page for a write that needs it (its own editor): the page its document was written with,
 * or, for a collective written before pages existed and not yet upgraded, one made now. Two at once make
 * one page; a code another page holds is drawn again.
 */
export async function ensurePublicPage(deps: Deps, collective: Pick<CollectiveDoc, 'id' | 'unitPath' | 'status'>): Promise<PublicPageDoc> {
  for (let attempt = 0; ; attempt++) {
    const existing = await deps.store.get<PublicPageDoc>('publicPages', collective.id);
    if (existing) return existing;
    try {
      return await transact(deps.store, (tx) => openPublicPage(tx, collective, deps.now()));
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= 3) throw error;
    }
  }
}

/** A page is complete when its commitment, address and service hours are all filled: what the 考评's item 9 counts. */
export const pageComplete = (page: Pick<PublicPageDoc, 'commitment' | 'address' | 'serviceHours'>): boolean => Boolean(page.commitment && page.address && page.serviceHours);

/**
 * Keeps a page where its collective stands, in the transaction that moves it to another unit or ends it
 * (revoked, closed). A collective from before pages has none yet: its page is written as it then stands.
 */
export async function placePublicPage(tx: StoreOps, collectiveId: string, set: Partial<Pick<PublicPageDoc, 'unitPath' | 'active'>>): Promise<void> {
  await tx.update('publicPages', collectiveId, { set });
}

/**
 * The active collectives of a unit's subtree and those of them with a complete page: two counts through the
 * pages' index (active, complete, unitPath), never a read of the pages. Shared because the management
 * function's 考评 reads them.
 */
export async function pageFigures(store: Pick<Store, 'count'>, unitPath: string): Promise<{ collectives: number; complete: number }> {
  const [collectives, complete] = await Promise.all([
    store.count('publicPages', { active: true, unitPath: { $prefix: unitPath } }),
    store.count('publicPages', { active: true, complete: true, unitPath: { $prefix: unitPath } }),
  ]);
  return { collectives, complete };
}

/**
 * The data upgrade of pages written before they carried their collective's place: each gets its
 * collective's unit path and standing and whether it is complete, read and written in one transaction so a
 * transfer or revocation landing meanwhile is not overwritten with what stood before it.
 */
export async function upgradePagePlaces(deps: Deps): Promise<number> {
  let placed = 0;
  for await (const found of eachDocument<PublicPageDoc>(deps.store, 'publicPages', { orderBy: { fields: [], direction: 'asc' } })) {
    if (typeof found.active === 'boolean') continue;
    const done = await transact(deps.store, async (tx) => {
      const [page, collective] = [await tx.get<PublicPageDoc>('publicPages', found.id), await tx.get<CollectiveDoc>('collectives', found.id)];
      if (!page || !collective || typeof page.active === 'boolean') return false;
      return tx.update('publicPages', page.id, { set: { unitPath: collective.unitPath, active: collective.status === 'active', complete: pageComplete(page) } });
    });
    if (done) placed++;
  }
  return placed;
}

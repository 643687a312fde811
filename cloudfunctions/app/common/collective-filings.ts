import type { FilingDoc } from '../collections/filing';
import { findAll, type Store } from '../ports/store';

/** The filings of a collective across campaigns (a collective files once per term: a handful). */
export function filingsOfCollective(store: Store, collectiveId: string): Promise<FilingDoc[]> {
  return findAll<FilingDoc>(store, 'filings', { where: { collectiveId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
}

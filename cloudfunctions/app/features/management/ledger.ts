import type { LedgerEntryView } from '../../../../shared/contract/management';
import { FIVE_ONE_LABELS, FIVE_ONES, type FiveOne } from '../../../../shared/domain/management/five-ones';
import type { AccountDoc } from '../../collections';
import type { LedgerCountDoc, LedgerEntryDoc } from '../../collections/management';
import { eachDocument, type Store } from '../../ports/store';

/** The counter of a unit's ledger in a term: one document per unit, written only with that unit's own entries. */
export const ledgerCountId = (term: string, unitId: string) => `${term}:${unitId}`;

export function ledgerEntryView(entry: LedgerEntryDoc, viewer: AccountDoc): LedgerEntryView {
  return {
    id: entry.id,
    unitId: entry.unitId,
    term: entry.term,
    kind: entry.kind,
    kindLabel: FIVE_ONE_LABELS[entry.kind],
    date: entry.date,
    title: entry.title,
    place: entry.place,
    participants: entry.participants,
    summary: entry.summary,
    recordedByName: entry.recordedByName,
    createdAt: entry.createdAt,
    mine: entry.unitId === viewer.unitId,
  };
}

/** The entries per kind of several units' ledgers in a term: one query, whatever the number of entries. */
export async function ledgerCounts(store: Pick<Store, 'find'>, term: string, unitIds: string[]): Promise<Map<string, Record<FiveOne, number>>> {
  const counts = new Map<string, Record<FiveOne, number>>();
  const where = { term, unitId: unitIds.length === 1 ? unitIds[0] : { $in: unitIds } };
  for await (const doc of eachDocument<LedgerCountDoc>(store, 'ledgerCounts', { where, orderBy: { fields: ['unitId'], direction: 'asc' } }, 1000)) {
    counts.set(doc.unitId, Object.fromEntries(FIVE_ONES.map((kind) => [kind, doc[kind] ?? 0])) as Record<FiveOne, number>);
  }
  return counts;
}

import type { LedgerEntryView } from '../../../../shared/contract/management';
import { FIVE_ONE_LABELS, FIVE_ONES, type FiveOne } from '../../../../shared/domain/management/five-ones';
import type { AccountDoc } from '../../collections';
import type { LedgerCountDoc, LedgerEntryDoc } from '../../collections/management';
import { eachDocument, type Store } from '../../ports/store';
import { AppError } from '../../../../shared/errors';
import type { UseCaseContext } from '../../context';
import { isUploadIn } from '../../common/uploads';

/** A unit's ledger attachments live under one folder of their own. */
export const ledgerFolder = (unitId: string) => `management/ledger/${unitId}/`;

/**
 * An entry's attachments must be files uploaded for the unit's own ledger (uploadLedgerAttachment):
 * exactly the keys it writes, `<folder><newId>.<ext>`, never an arbitrary address.
 */
export function checkAttachments(ctx: UseCaseContext, unitId: string, attachments: Array<{ url: string }>): void {
  const folder = ledgerFolder(unitId);
  for (const attachment of attachments) {
    if (!isUploadIn(ctx, attachment.url, folder)) {
      throw new AppError('ATTACHMENT_NOT_UPLOADED', undefined, { attachments: '附件：请通过“添加附件”上传' });
    }
  }
}

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
    attachments: entry.attachments,
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

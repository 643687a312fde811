import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { LedgerCountDoc, LedgerEntryDoc } from '../../collections/management';
import { accountOf } from '../../context';
import { loadCampaign } from '../../common/campaigns';
import { DuplicateKeyError, TransactionConflictError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { checkAttachments, ledgerCountId, ledgerEntryView } from './ledger';

/**
 * A managing unit records one piece of its 五个一 work, for the campaign's term, in its own ledger: the
 * entry, its kind counted on the unit's ledger counter and the audit record land together.
 */
export const recordLedgerEntry: Handler<typeof contract.management.recordLedgerEntry> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  checkAttachments(ctx, actor.unitId, input.attachments);
  const now = ctx.now().toISOString();
  const entry: LedgerEntryDoc = {
    id: newId(),
    unitId: actor.unitId,
    unitPath: actor.unitPath,
    term: campaign.term,
    kind: input.kind,
    date: input.date,
    title: input.title,
    place: input.place,
    participants: input.participants,
    summary: input.summary,
    attachments: input.attachments,
    recordedById: actor.id,
    recordedByCode: actor.code,
    recordedByName: actor.name,
    createdAt: now,
  };
  const countId = ledgerCountId(entry.term, entry.unitId);
  await transact(ctx.store, async (tx) => {
    await tx.insert('ledgerEntries', entry);
    if (!(await tx.update('ledgerCounts', countId, { inc: { [entry.kind]: 1 } }))) {
      try {
        await tx.insert<LedgerCountDoc>('ledgerCounts', { id: countId, term: entry.term, unitId: entry.unitId, [entry.kind]: 1 });
      } catch (error) {
        // Two first entries of a unit at once: the one that lost runs again and finds the counter.
        if (error instanceof DuplicateKeyError) throw new TransactionConflictError(`ledger counter ${countId} created concurrently`);
        throw error;
      }
    }
    await audit(tx, ctx.now(), {
      actor, action: 'management.recordLedgerEntry', objectType: 'ledgerEntry', objectId: entry.id, unitPath: entry.unitPath,
      after: { kind: entry.kind, date: entry.date, title: entry.title },
    });
  });
  return { entry: ledgerEntryView(entry, actor) };
};

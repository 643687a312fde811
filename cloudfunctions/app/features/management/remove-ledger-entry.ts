import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { LedgerEntryDoc } from '../../collections/management';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { loadInScope } from '../../common/scope';
import { ledgerCountId } from './ledger';

/** Removes an entry of the caller's own unit's ledger (a unit above sees it but does not keep it), audited. */
export const removeLedgerEntry: Handler<typeof contract.management.removeLedgerEntry> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const entry = await loadInScope<LedgerEntryDoc>(ctx, 'ledgerEntries', input.entryId, '未找到该记录', (e) => e.unitPath);
  if (entry.unitId !== actor.unitId) throw new AppError('FORBIDDEN', '只能删除本单位的五个一工作记录');
  await transact(ctx.store, async (tx) => {
    if (!(await tx.remove('ledgerEntries', entry.id))) throw new AppError('NOT_FOUND', '未找到该记录');
    await tx.update('ledgerCounts', ledgerCountId(entry.term, entry.unitId), { inc: { [entry.kind]: -1 } });
    await audit(tx, ctx.now(), {
      actor, action: 'management.removeLedgerEntry', objectType: 'ledgerEntry', objectId: entry.id, unitPath: entry.unitPath,
      before: { kind: entry.kind, date: entry.date, title: entry.title },
    });
  });
  return { removed: true };
};

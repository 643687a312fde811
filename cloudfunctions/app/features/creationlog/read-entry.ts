import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { CreationEntryDoc, CreationReadDoc } from '../../collections/creationlog';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { countRead, readInBranch } from './counts';
import { entryInScope, entryView, levelOf, readFlag } from './entries';

/**
 * An admin opens a submitted entry of their subtree: it is 已阅 for them from now on, and for their level
 * ("nobody at my level has read it" no longer lists it). The first reading is audited; later ones change nothing.
 */
export const readEntry: Handler<typeof contract.creationlog.readEntry> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const entry = await entryInScope(ctx, input.entryId);
  const flag = readFlag(levelOf(actor));
  const readId = `${entry.id}:${actor.id}`;
  if (await ctx.store.get<CreationReadDoc>('creationReads', readId)) return { entry: entryView(entry) };
  const now = ctx.now();
  const seen = await transact(ctx.store, async (tx) => {
    if (await tx.get<CreationReadDoc>('creationReads', readId)) return null;
    const current = await tx.get<CreationEntryDoc>('creationEntries', entry.id);
    await tx.insert<CreationReadDoc>('creationReads', { id: readId, entryId: entry.id, adminId: actor.id, at: now.toISOString() });
    // The first reading in the entry's branch is counted once for the 考评 (item 5); the office's is not the branch's.
    const firstInBranch = current !== null && flag !== 'readL0' && !readInBranch(current);
    if (current && !current[flag]) await tx.update('creationEntries', entry.id, { set: { [flag]: true, ...(firstInBranch ? { readCounted: true } : {}) } });
    if (current && firstInBranch) await countRead(tx, current);
    await audit(tx, now, { actor, action: 'creationlog.readEntry', objectType: 'creationEntry', objectId: entry.id, unitPath: entry.unitPath });
    return current;
  });
  return { entry: entryView(seen ?? entry) };
};

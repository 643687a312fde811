import { normalizeName } from '../../../../shared/domain/filing/names';
import { audit } from '../../common/audit';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { Deps } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';

/** A collective's filing for a campaign: one per campaign and collective. */
export const filingId = (campaignId: string, collectiveId: string) => `${campaignId}:${collectiveId}`;

/** The collective an account signs in for, created at its first visit to the filing pages. */
export async function collectiveOfAccount(deps: Deps, account: AccountDoc): Promise<CollectiveDoc> {
  const found = await deps.store.find<CollectiveDoc>('collectives', {
    where: { accountId: account.id },
    orderBy: { fields: ['accountId'], direction: 'asc' },
    limit: 1,
  });
  if (found.items[0]) return found.items[0];
  const now = deps.now().toISOString();
  // The first account's id names the collective: two first visits at once create one document.
  const collective: CollectiveDoc = {
    id: account.id,
    accountId: account.id,
    code: account.code,
    unitId: account.unitId,
    unitPath: account.unitPath,
    name: account.name,
    normalizedName: normalizeName(account.name),
    formerNames: [],
    formerCodes: [],
    status: 'active',
    predecessorId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await transact(deps.store, async (tx) => {
      await tx.insert('collectives', collective);
      await audit(tx, deps.now(), {
        actor: account,
        action: 'filing.createCollective',
        objectType: 'collective',
        objectId: collective.id,
        unitPath: collective.unitPath,
        after: { name: collective.name, code: collective.code },
      });
    });
    return collective;
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const again = await deps.store.get<CollectiveDoc>('collectives', account.id);
    if (!again) throw error;
    return again;
  }
}

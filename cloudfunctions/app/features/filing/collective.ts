import type { AccountDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import { collectiveOfAccount, insertCollective, newCollective } from '../../common/collectives';
import type { Deps } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';

/** A collective's filing for a campaign: one per campaign and collective. */
export const filingId = (campaignId: string, collectiveId: string) => `${campaignId}:${collectiveId}`;

/**
 * The collective an account files for, before its first write. A collective's document is created with
 * its account (admin.createAccount); an account issued before that has none yet, and its first save or
 * submit creates it here. Two first writes at once create one document (it takes the account's id).
 */
export async function openCollective(deps: Deps, account: AccountDoc): Promise<CollectiveDoc> {
  const found = await collectiveOfAccount(deps.store, account);
  if (found) return found;
  const collective = newCollective(account, deps.now().toISOString());
  try {
    await transact(deps.store, (tx) => insertCollective(tx, deps.now(), account, collective));
    return collective;
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const again = await deps.store.get<CollectiveDoc>('collectives', account.id);
    if (!again) throw error;
    return again;
  }
}

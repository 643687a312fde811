import { normalizeName } from '../../../shared/domain/filing/names';
import type { AccountDoc } from '../collections';
import type { CollectiveDoc } from '../collections/filing';
import type { Deps } from '../context';
import { DuplicateKeyError, eachDocument, type Store, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';
import { audit, type AuditActor } from './audit';
import { ensurePublicPage, openPublicPage } from './public-pages';

/**
 * A collective's document as its account starts it: named, coded and placed like the account. The
 * collective takes its first account's id, so two attempts to create it write one document.
 */
export function newCollective(account: AccountDoc, at: string, predecessorId: string | null = null): CollectiveDoc {
  return {
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
    predecessorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The collective an account signs in for, if its document exists. */
export async function collectiveOfAccount(store: Pick<Store, 'find'>, account: AccountDoc): Promise<CollectiveDoc | null> {
  const found = await store.find<CollectiveDoc>('collectives', {
    where: { accountId: account.id },
    orderBy: { fields: ['accountId'], direction: 'asc' },
    limit: 1,
  });
  return found.items[0] ?? null;
}

/**
 * Writes a new collective's document with its 三亮 page (public code and zeroed counters) and its audit
 * record, inside the caller's transaction.
 */
export async function insertCollective(tx: StoreOps, at: Date, actor: AuditActor, collective: CollectiveDoc): Promise<void> {
  await tx.insert('collectives', collective);
  await openPublicPage(tx, collective, at);
  await audit(tx, at, {
    actor,
    action: 'filing.createCollective',
    objectType: 'collective',
    objectId: collective.id,
    unitPath: collective.unitPath,
    after: { name: collective.name, code: collective.code },
  });
}

/**
 * The collective an account files or keeps its creation log for, before its first write. A collective's
 * document is created with its account (admin.createAccount); an account issued before that has none yet,
 * and its first filing save or submit, or its first creation-log entry, creates it here. Two first writes
 * at once create one document (it takes the account's id).
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

/**
 * The data upgrade of the 三亮 page's public code, which now comes with a collective's document: accounts
 * issued before documents came with them get theirs (as the system), so an event's organizer link finds the
 * page; and every collective written before pages came with it (any status: a closed one's page still shows
 * what it was) gets its page and counters.
 */
export async function upgradePublicPages(deps: Deps): Promise<number> {
  let added = 0;
  for await (const account of eachDocument<AccountDoc>(deps.store, 'accounts', { where: { role: 'collective', status: { $ne: 'cancelled' } }, orderBy: { fields: ['createdAt'], direction: 'asc' } })) {
    if (await collectiveOfAccount(deps.store, account)) continue;
    try {
      await transact(deps.store, (tx) => insertCollective(tx, deps.now(), null, newCollective(account, account.createdAt)));
      added++;
    } catch (error) {
      // Its first filing or creation-log write made it meanwhile (a public code taken is drawn again below).
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  for await (const collective of eachDocument<CollectiveDoc>(deps.store, 'collectives', { orderBy: { fields: [], direction: 'asc' } })) {
    if (await deps.store.get('publicPages', collective.id)) continue;
    await ensurePublicPage(deps, collective);
    added++;
  }
  return added;
}

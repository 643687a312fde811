import { normalizeName } from '../../../shared/domain/filing/names';
import type { AccountDoc } from '../collections';
import type { CollectiveDoc } from '../collections/filing';
import type { Deps } from '../context';
import { DuplicateKeyError, type Store, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';
import { audit, type AuditActor } from './audit';

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

/** Writes a new collective's document with its audit record, inside the caller's transaction. */
export async function insertCollective(tx: StoreOps, at: Date, actor: AuditActor, collective: CollectiveDoc): Promise<void> {
  await tx.insert('collectives', collective);
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

import { normalizeName } from '../../../shared/domain/filing/names';
import type { AccountDoc } from '../collections';
import type { CollectiveDoc } from '../collections/filing';
import type { Store, StoreOps } from '../ports/store';
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

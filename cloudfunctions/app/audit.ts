import type { AuditAction } from '../../shared/domain/audit-actions';
import { pathIds } from '../../shared/domain/unit-tree';
import type { AccountDoc, AuditDoc } from './collections';
import type { StoreOps } from './ports/store';
import { newId } from './security/random';

export interface AuditEntry {
  actor: AccountDoc | null;
  action: AuditAction;
  objectType: 'account' | 'unit' | 'system' | 'event' | 'signup' | 'campaign' | 'collective' | 'filing' | 'revocation';
  objectId: string;
  unitPath: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes the audit record inside the same transaction as the change it describes. */
export async function audit(tx: StoreOps, at: Date, entry: AuditEntry): Promise<void> {
  const doc: AuditDoc = {
    id: newId(),
    at: at.toISOString(),
    actorId: entry.actor?.id ?? null,
    actorCode: entry.actor?.code ?? null,
    actorName: entry.actor?.name ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    unitPath: entry.unitPath,
    unitL1: pathIds(entry.unitPath)[1] ?? '',
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  };
  await tx.insert('audit', doc);
}

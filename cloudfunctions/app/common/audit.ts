import type { AuditAction } from '../../../shared/domain/audit-actions';
import { pathIds } from '../../../shared/domain/unit-tree';
import type { AccountDoc, AuditDoc } from '../collections';
import type { StoreOps } from '../ports/store';
import { newId } from '../security/random';

/** A member of the public, named by their signup (never by OPENID or visitor id). */
export interface VisitorActor {
  kind: 'visitor';
  signupId: string;
}

/** An account, a visitor, or null for the system (jobs, automatic promotions). */
export type AuditActor = AccountDoc | VisitorActor | null;

const isVisitor = (actor: AuditActor): actor is VisitorActor => actor !== null && 'kind' in actor && actor.kind === 'visitor';

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  objectType: 'account' | 'unit' | 'system' | 'event' | 'signup' | 'campaign' | 'collective' | 'filing' | 'revocation' | 'transferRequest' | 'creationEntry' | 'ledgerEntry' | 'assessmentRound' | 'assessmentSheet';
  objectId: string;
  unitPath: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes the audit record inside the same transaction as the change it describes. */
export async function audit(tx: StoreOps, at: Date, entry: AuditEntry): Promise<void> {
  const actor = entry.actor;
  const doc: AuditDoc = {
    id: newId(),
    at: at.toISOString(),
    actorKind: actor === null ? 'system' : isVisitor(actor) ? 'visitor' : 'account',
    actorId: actor === null ? null : isVisitor(actor) ? actor.signupId : actor.id,
    actorCode: actor === null || isVisitor(actor) ? null : actor.code,
    actorName: actor === null || isVisitor(actor) ? null : actor.name,
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

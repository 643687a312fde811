import type { AuditView, UnitView } from '../../../../shared/contract/views';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/domain/audit-actions';
import type { AuditDoc, QuotaDoc, UnitDoc } from '../../collections';

export function unitView(unit: UnitDoc, quota: QuotaDoc | null): UnitView {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    level: unit.level,
    parentId: unit.parentId,
    quota: quota?.places ?? quota?.base ?? null,
  };
}

export function auditView(entry: AuditDoc): AuditView {
  return {
    id: entry.id,
    at: entry.at,
    actorKind: entry.actorKind ?? (entry.actorId ? 'account' : 'system'),
    actorCode: entry.actorCode,
    actorName: entry.actorName ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    summary: AUDIT_ACTIONS[entry.action as AuditAction] ?? entry.action,
    reason: entry.reason,
  };
}

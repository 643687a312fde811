import type { AuditDoc } from '../collections';
import type { SignupDoc } from '../collections/openweek';
import type { Deps } from '../context';
import { findAll } from '../ports/store';
import { newId } from '../security/random';
import { transact } from '../ports/transaction-retry';

/** Signups written before issue #8 were keyed `${eventId}:${visitorId}`; random ids never hold a ':'. */
const LEGACY = { id: { $contains: ':' } };

/** Where an audit record named a legacy signup, with the visitor's part taken out. */
function rewrittenAudit(record: AuditDoc, ids: Map<string, string>): Partial<AuditDoc> {
  const newIdOf = (old: unknown) => (typeof old === 'string' && old.includes(':') ? (ids.get(old) ?? null) : old);
  const after = record.after && typeof record.after === 'object' && 'promoted' in record.after ? { ...record.after, promoted: newIdOf((record.after as { promoted: unknown }).promoted) } : record.after;
  const byVisitor = record.actorId === null && (record.action === 'openweek.signUp' || record.action === 'openweek.cancelSignup');
  return {
    objectId: ids.get(record.objectId) ?? record.objectId,
    after,
    actorKind: byVisitor ? 'visitor' : (record.actorKind ?? (record.actorId ? 'account' : 'system')),
    actorId: byVisitor ? (ids.get(record.objectId) ?? null) : record.actorId,
  };
}

/**
 * Gives every signup from before issue #8 a random id, and rewrites the audit records that named it,
 * so no OPENID or visitor id stays in an id that views, exports or the audit log carry. One signup per
 * transaction (its document moved, its audit records rewritten); a run finds only what is left, so a
 * second run, or one after a crash, does the rest and then nothing.
 */
export async function upgradeSignupIds(deps: Pick<Deps, 'store'>): Promise<number> {
  const legacy = await findAll<SignupDoc>(deps.store, 'signups', { where: LEGACY, orderBy: { fields: ['id'], direction: 'asc' } });
  const ids = new Map(legacy.map((s) => [s.id, newId()]));
  for (const signup of legacy) {
    const moved: SignupDoc = { ...signup, id: ids.get(signup.id) as string };
    const records = await findAll<AuditDoc>(deps.store, 'audit', { where: { objectId: signup.id }, orderBy: { fields: ['at'], direction: 'asc' } });
    await transact(deps.store, async (tx) => {
      // Removed first: the new document takes the same unique (eventId, visitorId) and check-in code.
      if (!(await tx.remove('signups', signup.id))) return;
      await tx.insert('signups', moved);
      for (const record of records) await tx.update('audit', record.id, { set: rewrittenAudit(record, ids) });
    });
  }
  return legacy.length;
}

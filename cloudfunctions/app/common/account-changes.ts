import { AppError } from '../../../shared/errors';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { audit } from './audit';
import type { AccountDoc, SessionDoc, WechatBindingDoc } from '../collections';
import type { Deps } from '../context';
import { DuplicateKeyError, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';

export interface AccountChange {
  actor: AccountDoc | null;
  action: AuditAction;
  set: Partial<Omit<AccountDoc, 'id' | 'version'>>;
  reason?: string | null;
  /** What the audit record shows before/after; defaults to the changed fields, minus secrets. */
  summary?: { before: unknown; after: unknown };
  /** More writes that must land with this change (e.g. the new session of a sign-in). */
  alsoInTransaction?: (tx: StoreOps) => Promise<void>;
}

const SECRET_FIELDS = new Set(['passwordHash', 'openid', 'recoveryEmail']);

function visible(doc: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => !SECRET_FIELDS.has(k)).map((k) => [k, doc[k]]));
}

/** Keeps the wechatBindings document (keyed by OPENID, so unique) in step with account.openid. */
async function moveBinding(tx: StoreOps, account: AccountDoc, openid: string | null, at: string): Promise<void> {
  if (account.openid === openid) return;
  if (account.openid) await tx.remove('wechatBindings', account.openid);
  if (openid) {
    const binding: WechatBindingDoc = { id: openid, accountId: account.id, boundAt: at, passwordSignInAt: at };
    await tx.insert('wechatBindings', binding);
  }
}

/**
 * Applies a change to an account only if nobody changed it since it was read (its version),
 * and writes the audit record in the same transaction. A stale change is refused with CONFLICT.
 */
export async function changeAccount(deps: Deps, account: AccountDoc, change: AccountChange): Promise<AccountDoc> {
  const now = deps.now();
  const next: AccountDoc = { ...account, ...change.set, updatedAt: now.toISOString(), version: account.version + 1 };
  const keys = Object.keys(change.set);
  const write = transact(deps.store, async (tx) => {
    const applied = await tx.update(
      'accounts',
      account.id,
      { set: { ...change.set, updatedAt: next.updatedAt, version: next.version } },
      { version: account.version },
    );
    if (!applied) throw new AppError('CONFLICT');
    if ('openid' in change.set) await moveBinding(tx, account, change.set.openid ?? null, next.updatedAt);
    await change.alsoInTransaction?.(tx);
    await audit(tx, now, {
      actor: change.actor,
      action: change.action,
      objectType: 'account',
      objectId: account.id,
      unitPath: account.unitPath,
      before: change.summary?.before ?? visible(account as unknown as Record<string, unknown>, keys),
      after: change.summary?.after ?? visible(next as unknown as Record<string, unknown>, keys),
      reason: change.reason ?? null,
    });
  });
  // A concurrent binding of the same WeChat user got there first.
  await write.catch((error) => {
    throw error instanceof DuplicateKeyError ? new AppError('CONFLICT') : error;
  });
  return next;
}

/** Ends the account's sessions (all but `keep`), after a password change, reset or cancellation. */
export async function endSessions(deps: Deps, accountId: string, keep: string | null = null): Promise<void> {
  for (;;) {
    const { items } = await deps.store.find<SessionDoc>('sessions', {
      where: { accountId, ...(keep ? { id: { $ne: keep } } : {}) },
      orderBy: { fields: ['createdAt'], direction: 'asc' },
      limit: 50,
    });
    if (items.length === 0) return;
    for (const session of items) await deps.store.remove('sessions', session.id);
  }
}

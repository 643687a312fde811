import { AppError } from '../../../shared/errors';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { audit } from './audit';
import type { AccountDoc } from '../collections';
import type { FilingDoc, HistoryRecord } from '../collections/filing';
import type { Deps } from '../context';
import { moveCount } from './filing-counts';
import { TALLY_VERSION } from '../../../shared/domain/filing/tally';
import { DuplicateKeyError, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/**
 * The one write path for filings, shared by filing (drafts, submit) and review (decisions, opinions,
 * revocations): each change lands with its counters, its history and its audit record, or not at all.
 */

export function historyEntry(at: Date, actor: AccountDoc | null, action: AuditAction, comment: string | null = null): HistoryRecord {
  return { at: at.toISOString(), actorCode: actor?.code ?? null, actorName: actor?.name ?? '系统', action, comment };
}

export interface FilingWrite {
  actor: AccountDoc | null;
  /**
   * The audit record's action; null for an edit that changes no state (a draft saved again as it is
   * typed): the log keeps what people decide, not every keystroke.
   */
  action: AuditAction | null;
  reason?: string | null;
  /** More writes that must land with this one. */
  also?: (tx: StoreOps) => Promise<void>;
}

/**
 * Writes a filing (insert when `before` is null) only if nobody changed it since it was read — the
 * conditional update on its version — together with its audit record. A stale write is refused with
 * CONFLICT and nothing lands.
 */
export async function commitFiling(deps: Deps, before: FilingDoc | null, filing: FilingDoc, write: FilingWrite): Promise<void> {
  const summary = (f: FilingDoc | null) => (f ? { status: f.status, stage: f.stage, version: f.version } : null);
  const next = { ...filing, tallied: TALLY_VERSION };
  await transact(deps.store, async (tx) => {
    if (before) {
      const { id: _id, ...fields } = next;
      void _id;
      const applied = await tx.update('filings', next.id, { set: fields }, { version: before.version });
      if (!applied) throw new AppError('CONFLICT');
    } else {
      try {
        await tx.insert('filings', next);
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT');
        throw error;
      }
    }
    if (before && before.unitPath !== next.unitPath) {
      await moveCount(tx, next.campaignId, before.unitPath, before, null);
      await moveCount(tx, next.campaignId, next.unitPath, null, next);
    } else {
      await moveCount(tx, next.campaignId, next.unitPath, before, next);
    }
    await write.also?.(tx);
    if (write.action === null) return;
    await audit(tx, deps.now(), {
      actor: write.actor,
      action: write.action,
      objectType: 'filing',
      objectId: next.id,
      unitPath: next.unitPath,
      before: summary(before),
      after: summary(next),
      reason: write.reason ?? null,
    });
  });
}

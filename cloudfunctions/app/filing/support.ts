import { AppError } from '../../../shared/errors';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { normalizeName } from '../../../shared/domain/filing/names';
import { pathIds } from '../../../shared/domain/unit-tree';
import { audit } from '../audit';
import type { AccountDoc, UnitDoc } from '../collections';
import type { CollectiveDoc, FilingDoc, HistoryRecord } from '../collections/filing';
import type { Deps } from '../context';
import { moveCount } from './counts';
import { TALLY_VERSION } from '../../../shared/domain/filing/tally';
import { DuplicateKeyError, findAll, type Store, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';

export const filingId = (campaignId: string, collectiveId: string) => `${campaignId}:${collectiveId}`;

/** The unit's ancestor at each level (itself included), '' where the unit is shallower, and its channel. */
export async function placement(store: Store, unit: UnitDoc) {
  const ids = pathIds(unit.path);
  const level1 = ids[1] ? await store.get<UnitDoc>('units', ids[1]) : null;
  return {
    unitId: unit.id,
    unitPath: unit.path,
    unitLevel: unit.level,
    unitL1: ids[1] ?? '',
    unitL2: ids[2] ?? '',
    unitL3: ids[3] ?? '',
    category: (level1?.kind ?? 'office') as FilingDoc['category'],
  };
}

/** The ancestor of a unit path at an admin level (the unit whose admin reviews that stage). */
export function ancestorAt(unitPath: string, level: number): string {
  return pathIds(unitPath)[level] ?? '';
}

/** The collective an account signs in for, created at its first visit to the filing pages. */
export async function collectiveOfAccount(deps: Deps, account: AccountDoc): Promise<CollectiveDoc> {
  const found = await deps.store.find<CollectiveDoc>('collectives', {
    where: { accountId: account.id },
    orderBy: { fields: ['accountId'], direction: 'asc' },
    limit: 1,
  });
  if (found.items[0]) return found.items[0];
  const now = deps.now().toISOString();
  // The first account's id names the collective: two first visits at once create one document.
  const collective: CollectiveDoc = {
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
    predecessorId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await transact(deps.store, async (tx) => {
      await tx.insert('collectives', collective);
      await audit(tx, deps.now(), {
        actor: account,
        action: 'filing.createCollective',
        objectType: 'collective',
        objectId: collective.id,
        unitPath: collective.unitPath,
        after: { name: collective.name, code: collective.code },
      });
    });
    return collective;
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const again = await deps.store.get<CollectiveDoc>('collectives', account.id);
    if (!again) throw error;
    return again;
  }
}

/** Other live collectives whose normalized name is the same: the same collective may be filing twice. */
export async function possibleDuplicates(store: Store, name: string, selfId: string): Promise<CollectiveDoc[]> {
  const { items } = await store.find<CollectiveDoc>('collectives', {
    where: { normalizedName: normalizeName(name) },
    orderBy: { fields: ['normalizedName'], direction: 'asc' },
    limit: 11,
  });
  return items.filter((c) => c.id !== selfId && c.status !== 'closed').slice(0, 10);
}

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

/** The filings of a collective across campaigns (a collective files once per term: a handful). */
export function filingsOfCollective(store: Store, collectiveId: string): Promise<FilingDoc[]> {
  return findAll<FilingDoc>(store, 'filings', { where: { collectiveId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
}

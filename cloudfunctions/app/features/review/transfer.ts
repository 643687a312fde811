import { AppError } from '../../../../shared/errors';
import { normalizeCode } from '../../../../shared/domain/account-code';
import { firstStage } from '../../../../shared/domain/filing/chain';
import { normalizeName } from '../../../../shared/domain/filing/names';
import { AWAITING_REVIEW } from '../../../../shared/domain/filing/status';
import { endSessions } from '../../common/account-changes';
import { audit, type AuditEntry } from '../../common/audit';
import type { AccountDoc, UnitDoc } from '../../collections';
import type { CollectiveDoc, TransferRequestDoc, WrittenFiling } from '../../collections/filing';
import type { UseCaseContext } from '../../context';
import { newAccount } from '../../common/new-account';
import type { StoreOps } from '../../ports/store';
import { unitInScope } from '../../common/scope';
import { cancelInTx } from './account-cancellation';
import { carryEvents, eventsOfCollective } from './collective-events';
import { moveCount } from '../../common/filing-counts';
import { TALLY_VERSION } from '../../../../shared/domain/filing/tally';
import { ancestorAt, placement } from '../../common/filing-placement';
import { filingsOfCollective } from '../../common/collective-filings';
import { historyEntry } from '../../common/filing-write';
import { possibleDuplicates } from '../../common/duplicate-names';
import { pathIds } from '../../../../shared/domain/unit-tree';
import { transact } from '../../ports/transaction-retry';
import { placePublicPage } from '../../common/public-pages';

/** The unit that takes a collective over: in the caller's scope, and an admin unit (level 1 or below). */
export async function receivingUnit(ctx: UseCaseContext, toUnitId: string): Promise<UnitDoc> {
  const toUnit = await unitInScope(ctx, toUnitId);
  if (toUnit.level < 1) throw new AppError('INVALID_STATE', '集体须归口到一级及以下管理单位', { toUnitId: '接收单位：请选择行业或地方的管理单位' });
  return toUnit;
}

/**
 * The live collective that a code and the name it filed under (or a former name) identify, as the notice
 * asks of whoever takes a collective over. Any mismatch is one answer, whichever part is wrong.
 */
export async function collectiveByCodeAndName(ctx: UseCaseContext, code: string, name: string): Promise<{ oldAccount: AccountDoc; collective: CollectiveDoc }> {
  const { items } = await ctx.store.find<AccountDoc>('accounts', {
    where: { code: normalizeCode(code) },
    orderBy: { fields: ['code'], direction: 'asc' },
    limit: 1,
  });
  const oldAccount = items[0];
  const found = oldAccount
    ? await ctx.store.find<CollectiveDoc>('collectives', { where: { accountId: oldAccount.id }, orderBy: { fields: ['accountId'], direction: 'asc' }, limit: 1 })
    : null;
  const collective = found?.items[0];
  const wanted = normalizeName(name);
  if (
    !oldAccount ||
    oldAccount.role !== 'collective' ||
    oldAccount.status === 'cancelled' ||
    !collective ||
    (collective.normalizedName !== wanted && !collective.formerNames.some((n) => normalizeName(n) === wanted))
  ) {
    throw new AppError('TRANSFER_MISMATCH');
  }
  if (collective.status !== 'active') throw new AppError('COLLECTIVE_INACTIVE');
  return { oldAccount, collective };
}

export interface Move {
  actor: AccountDoc;
  collective: CollectiveDoc;
  oldAccount: AccountDoc;
  toUnit: UnitDoc;
  reason: string;
  /** More writes that land with the move (deciding the request it answers), knowing the new account. */
  also?: (tx: StoreOps, account: AccountDoc) => Promise<void>;
}

/**
 * Moves a collective to its proper unit: a new code is issued there, the old one cancelled; the
 * collective's history, filings, open-week events and former code follow it. A filing under review
 * starts its chain again at the new unit. Everything lands in one transaction with its audit record.
 */
export async function moveCollective(ctx: UseCaseContext, move: Move) {
  const { actor, collective, oldAccount, toUnit } = move;
  const { account, password } = await newAccount(ctx, { role: 'collective', level: null, name: collective.name, unitId: toUnit.id, unitPath: toUnit.path, recoveryEmail: oldAccount.recoveryEmail });
  const now = ctx.now();
  const at = now.toISOString();
  const place = await placement(ctx.store, toUnit);
  const duplicates = await possibleDuplicates(ctx.store, collective.name, collective.id);
  const moved: CollectiveDoc = {
    ...collective,
    accountId: account.id,
    code: account.code,
    unitId: toUnit.id,
    unitPath: toUnit.path,
    formerCodes: [...collective.formerCodes, collective.code],
    pendingTransferId: null,
    updatedAt: at,
    version: collective.version + 1,
  };
  const filings = await filingsOfCollective(ctx.store, collective.id);
  const events = await eventsOfCollective(ctx.store, oldAccount.id);
  const comment = `由 ${collective.code} 转为 ${account.code}：${move.reason}`;
  const movedFilings: WrittenFiling[] = filings.map((f) => {
    const restart = AWAITING_REVIEW[f.status];
    const stage = restart ? firstStage(place.unitLevel) : null;
    return {
      ...f,
      ...place,
      status: restart ? 'filed' : f.status,
      stage: restart ? stage : f.stage,
      stageUnitId: restart && stage ? ancestorAt(place.unitPath, stage) : f.stageUnitId,
      possibleDuplicateIds: duplicates.map((d) => d.id),
      history: [...f.history, historyEntry(now, actor, 'review.transfer', comment)],
      updatedAt: at,
      version: f.version + 1,
      tallied: TALLY_VERSION,
    };
  });

  await transact(ctx.store, async (tx) => {
    await tx.insert('accounts', account);
    if (!(await cancelInTx(tx, oldAccount, at))) throw new AppError('CONFLICT');
    const { id: _c, ...fields } = moved;
    void _c;
    if (!(await tx.update('collectives', collective.id, { set: fields }, { version: collective.version }))) throw new AppError('CONFLICT');
    await placePublicPage(tx, collective.id, { unitPath: moved.unitPath });
    for (const [i, f] of movedFilings.entries()) {
      const { id: _f, ...set } = f;
      void _f;
      if (!(await tx.update('filings', f.id, { set }, { version: filings[i].version }))) throw new AppError('CONFLICT');
      await moveCount(tx, f.campaignId, filings[i].unitPath, filings[i], null);
      await moveCount(tx, f.campaignId, f.unitPath, null, f);
    }
    await carryEvents(tx, events, { collectiveId: account.id, unitId: toUnit.id, unitPath: toUnit.path }, at);
    await move.also?.(tx, account);
    await audit(tx, now, {
      actor,
      action: 'review.transfer',
      objectType: 'collective',
      objectId: collective.id,
      unitPath: toUnit.path,
      before: { unitId: collective.unitId, code: collective.code },
      after: { unitId: toUnit.id, code: account.code },
      reason: move.reason,
    });
  });
  await endSessions(ctx, oldAccount.id);
  return { account, password, duplicates };
}

/**
 * A step of a transfer request, audited in both branches (the collective's and the receiving one), so
 * each side's admins find it in their own log.
 */
export async function auditTransferStep(
  tx: StoreOps,
  at: Date,
  request: TransferRequestDoc,
  entry: Pick<AuditEntry, 'actor' | 'action' | 'before' | 'after' | 'reason'>,
): Promise<void> {
  const paths = pathIds(request.fromUnitPath)[1] === pathIds(request.toUnitPath)[1] ? [request.fromUnitPath] : [request.fromUnitPath, request.toUnitPath];
  for (const unitPath of paths) await audit(tx, at, { ...entry, objectType: 'transferRequest', objectId: request.id, unitPath });
}

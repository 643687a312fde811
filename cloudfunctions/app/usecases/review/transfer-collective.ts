import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeCode } from '../../../../shared/domain/account-code';
import { firstStage } from '../../../../shared/domain/filing/chain';
import { normalizeName } from '../../../../shared/domain/filing/names';
import { AWAITING_REVIEW } from '../../../../shared/domain/filing/status';
import { endSessions } from '../../account-changes';
import { audit } from '../../audit';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc, FilingDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { cancelInTx } from '../../filing/accounts';
import { newAccount } from '../../new-account';
import { carryEvents, eventsOfCollective } from '../../filing/collective-events';
import { moveCount } from '../../filing/counts';
import { ancestorAt, filingsOfCollective, historyEntry, placement, possibleDuplicates } from '../../filing/support';
import { duplicatesView } from '../../filing/views';
import type { Handler } from '../../router';
import { unitInScope } from '../../scope';
import { accountView } from '../../views';
import { transact } from '../../ports/transaction-retry';

/**
 * 归口平台选错: the admin of the proper unit takes the collective over, naming its code and the name it
 * filed under (the notice requires the same name). A new code is issued there, the old one cancelled;
 * the collective's history, filings, open-week events and former code follow it. A filing under review
 * starts its chain again at the new unit.
 */
export const transferCollective: Handler<typeof contract.review.transferCollective> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const toUnit = await unitInScope(ctx, input.toUnitId);
  if (toUnit.level < 1) throw new AppError('INVALID_STATE', '集体须归口到一级及以下管理单位', { toUnitId: '接收单位：请选择行业或地方的管理单位' });
  const { items } = await ctx.store.find<AccountDoc>('accounts', {
    where: { code: normalizeCode(input.code) },
    orderBy: { fields: ['code'], direction: 'asc' },
    limit: 1,
  });
  const oldAccount = items[0];
  const found = oldAccount
    ? await ctx.store.find<CollectiveDoc>('collectives', { where: { accountId: oldAccount.id }, orderBy: { fields: ['accountId'], direction: 'asc' }, limit: 1 })
    : null;
  const collective = found?.items[0];
  const wanted = normalizeName(input.name);
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
  if (collective.unitId === toUnit.id) throw new AppError('INVALID_STATE', '该集体已归口在此单位');

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
    updatedAt: at,
    version: collective.version + 1,
  };
  const filings = await filingsOfCollective(ctx.store, collective.id);
  const events = await eventsOfCollective(ctx.store, oldAccount.id);
  const comment = `由 ${collective.code} 转为 ${account.code}：${input.reason}`;
  const movedFilings: FilingDoc[] = filings.map((f) => {
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
    };
  });

  await transact(ctx.store, async (tx) => {
    await tx.insert('accounts', account);
    if (!(await cancelInTx(tx, oldAccount, at))) throw new AppError('CONFLICT');
    const { id: _c, ...fields } = moved;
    void _c;
    if (!(await tx.update('collectives', collective.id, { set: fields }, { version: collective.version }))) throw new AppError('CONFLICT');
    for (const [i, f] of movedFilings.entries()) {
      const { id: _f, ...set } = f;
      void _f;
      if (!(await tx.update('filings', f.id, { set }, { version: filings[i].version }))) throw new AppError('CONFLICT');
      await moveCount(tx, f.campaignId, filings[i].unitPath, filings[i].status, null);
      await moveCount(tx, f.campaignId, f.unitPath, null, f.status);
    }
    await carryEvents(tx, events, { collectiveId: account.id, unitId: toUnit.id, unitPath: toUnit.path }, at);
    await audit(tx, now, {
      actor,
      action: 'review.transfer',
      objectType: 'collective',
      objectId: collective.id,
      unitPath: toUnit.path,
      before: { unitId: collective.unitId, code: collective.code },
      after: { unitId: toUnit.id, code: account.code },
      reason: input.reason,
    });
  });
  await endSessions(ctx, oldAccount.id);
  return {
    account: accountView(account, toUnit.name),
    oneTimePassword: password,
    collectiveId: collective.id,
    possibleDuplicates: await duplicatesView(ctx.store, duplicates.map((d) => d.id)),
  };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { nextStatus } from '../../../../shared/domain/filing/status';
import { endSessions } from '../../common/account-changes';
import { audit } from '../../common/audit';
import type { AccountDoc, UnitDoc } from '../../collections';
import type { FilingDoc, WrittenFiling } from '../../collections/filing';
import { accountOf } from '../../context';
import { cancelInTx } from './account-cancellation';
import { newCollective } from '../../common/collectives';
import { openPublicPage, placePublicPage } from '../../common/public-pages';
import { newAccount } from '../../common/new-account';
import { moveCount } from '../../common/filing-counts';
import { TALLY_VERSION } from '../../../../shared/domain/filing/tally';
import { collectiveInScope } from './scope';
import { filingsOfCollective } from '../../common/collective-filings';
import { historyEntry } from '../../common/filing-write';
import type { Handler } from '../../router';
import { accountView } from '../../common/account-views';
import { transact } from '../../ports/transaction-retry';

/**
 * Merger, or more than half the members changed at once: a new collective that must start over. The
 * old record is closed (never deleted), its open filings closed, its code cancelled; a new code is issued.
 */
export const restructureCollective: Handler<typeof contract.review.restructureCollective> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const old = await collectiveInScope(ctx, input.collectiveId);
  if (old.status !== 'active') throw new AppError('COLLECTIVE_INACTIVE');
  const unit = await ctx.store.get<UnitDoc>('units', old.unitId);
  const oldAccount = await ctx.store.get<AccountDoc>('accounts', old.accountId);
  if (!unit || !oldAccount) throw new Error(`collective ${old.id} lost its unit or account`);
  const { account, password } = await newAccount(ctx, { role: 'collective', level: null, name: input.newName, unitId: unit.id, unitPath: unit.path, recoveryEmail: oldAccount.recoveryEmail });
  const now = ctx.now();
  const at = now.toISOString();
  const successor = newCollective(account, at, old.id);
  const filings = await filingsOfCollective(ctx.store, old.id);
  const closed: Array<[FilingDoc, WrittenFiling]> = filings.flatMap((f) => {
    const status = nextStatus(f.status, 'close');
    if (!status) return [];
    return [[f, { ...f, status, stage: null, stageUnitId: '', history: [...f.history, historyEntry(now, actor, 'review.restructure', input.reason)], updatedAt: at, version: f.version + 1, tallied: TALLY_VERSION }]];
  });
  await transact(ctx.store, async (tx) => {
    await tx.insert('accounts', account);
    await tx.insert('collectives', successor);
    await openPublicPage(tx, successor, now);
    if (!(await cancelInTx(tx, oldAccount, at))) throw new AppError('CONFLICT');
    if (!(await tx.update('collectives', old.id, { set: { status: 'closed', updatedAt: at, version: old.version + 1 } }, { version: old.version }))) {
      throw new AppError('CONFLICT');
    }
    await placePublicPage(tx, old.id, { active: false });
    for (const [before, after] of closed) {
      const { id: _f, ...set } = after;
      void _f;
      if (!(await tx.update('filings', after.id, { set }, { version: before.version }))) throw new AppError('CONFLICT');
      await moveCount(tx, after.campaignId, after.unitPath, before, after);
    }
    await audit(tx, now, {
      actor,
      action: 'review.restructure',
      objectType: 'collective',
      objectId: old.id,
      unitPath: old.unitPath,
      before: { status: old.status, code: old.code },
      after: { status: 'closed', successorId: successor.id, successorCode: account.code },
      reason: input.reason,
    });
  });
  await endSessions(ctx, oldAccount.id);
  return { account: accountView(account, unit.name), oneTimePassword: password, collectiveId: successor.id };
};

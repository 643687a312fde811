import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/domain/unit-tree';
import type { AccountDoc, UnitDoc } from '../../collections';
import type { CollectiveDoc, TransferRequestDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { auditTransferStep, moveCollective } from './transfer';
import { transferRequestView } from '../../common/filing-views';
import type { StoreOps } from '../../ports/store';
import type { Handler } from '../../router';
import { transact } from '../../ports/transaction-retry';

/**
 * The collective's level-1 admin (or the office) decides a transfer out of the branch. Approved: the
 * collective moves as in a direct transfer, its old code is cancelled, and the new account waits for the
 * receiving side to take its one-time password (the approver never sees it: the account is not theirs).
 * Rejected: the request closes with the reason and the collective stays.
 */
export const decideTransfer: Handler<typeof contract.review.decideTransfer> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const request = await ctx.store.get<TransferRequestDoc>('transferRequests', input.requestId);
  if (!request) throw new AppError('NOT_FOUND', '未找到该申请');
  if (!isWithin(actor.unitPath, request.fromUnitPath)) throw new AppError('NOT_IN_SCOPE');
  if (request.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已审批');
  const collective = await ctx.store.get<CollectiveDoc>('collectives', request.collectiveId);
  if (!collective) throw new Error(`transfer request ${request.id} lost its collective`);
  const now = ctx.now();
  const at = now.toISOString();
  const decided: TransferRequestDoc = { ...request, status: input.approve ? 'approved' : 'rejected', decidedByCode: actor.code, decidedAt: at, comment: input.comment };
  const close = async (tx: StoreOps, account: AccountDoc | null) => {
    Object.assign(decided, { newAccountId: account?.id ?? null, newCode: account?.code ?? null });
    const { id: _r, ...set } = decided;
    void _r;
    if (!(await tx.update('transferRequests', request.id, { set }, { status: 'pending' }))) throw new AppError('CONFLICT');
    await auditTransferStep(tx, now, request, {
      actor,
      action: input.approve ? 'review.approveTransfer' : 'review.rejectTransfer',
      before: { status: 'pending' },
      after: { status: decided.status, code: account?.code ?? null },
      reason: input.comment,
    });
  };

  if (input.approve) {
    // The collective must be where the request found it, still waiting on this request.
    if (collective.pendingTransferId !== request.id || collective.unitId !== request.fromUnitId || collective.status !== 'active') {
      throw new AppError('INVALID_STATE', '该集体的归口或状态已变化，此申请只能驳回');
    }
    const oldAccount = await ctx.store.get<AccountDoc>('accounts', collective.accountId);
    const toUnit = await ctx.store.get<UnitDoc>('units', request.toUnitId);
    if (!oldAccount || !toUnit) throw new Error(`transfer request ${request.id} lost its account or unit`);
    await moveCollective(ctx, { actor, collective, oldAccount, toUnit, reason: `${request.reason}（审批意见：${input.comment}）`, also: close });
  } else {
    await transact(ctx.store, async (tx) => {
      if (collective.pendingTransferId === request.id) {
        const cleared = await tx.update('collectives', collective.id, { set: { pendingTransferId: null, updatedAt: at, version: collective.version + 1 } }, { version: collective.version });
        if (!cleared) throw new AppError('CONFLICT');
      }
      await close(tx, null);
    });
  }
  return { request: await transferRequestView(ctx.store, decided, actor) };
};

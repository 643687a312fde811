import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isWithin } from '../../../../shared/domain/unit-tree';
import type { TransferRequestDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { auditTransferStep, collectiveByCodeAndName, receivingUnit } from './transfer';
import { transferRequestView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { transact } from '../../ports/transaction-retry';

/**
 * 归口平台选错, across branches: the receiving side asks with the collective's code and the name it filed
 * under; nothing moves until the collective's level-1 admin (or the office) approves. One request
 * waits per collective: the collective records it under its version check.
 */
export const requestTransfer: Handler<typeof contract.review.requestTransfer> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const toUnit = await receivingUnit(ctx, input.toUnitId);
  const { collective } = await collectiveByCodeAndName(ctx, input.code, input.name);
  if (isWithin(actor.unitPath, collective.unitPath)) throw new AppError('INVALID_STATE', '该集体在您的管理范围内，可直接接收，无须申请');
  if (collective.pendingTransferId) throw new AppError('TRANSFER_PENDING');
  const now = ctx.now();
  const at = now.toISOString();
  const request: TransferRequestDoc = {
    id: newId(),
    collectiveId: collective.id,
    collectiveName: collective.name,
    fromCode: collective.code,
    fromUnitId: collective.unitId,
    fromUnitPath: collective.unitPath,
    toUnitId: toUnit.id,
    toUnitPath: toUnit.path,
    reason: input.reason,
    status: 'pending',
    requestedById: actor.id,
    requestedByCode: actor.code,
    requestedAt: at,
    decidedByCode: null,
    decidedAt: null,
    comment: null,
    newAccountId: null,
    newCode: null,
    passwordIssuedAt: null,
  };
  await transact(ctx.store, async (tx) => {
    await tx.insert('transferRequests', request);
    const recorded = await tx.update('collectives', collective.id, { set: { pendingTransferId: request.id, updatedAt: at, version: collective.version + 1 } }, { version: collective.version });
    if (!recorded) throw new AppError('CONFLICT');
    await auditTransferStep(tx, now, request, { actor, action: 'review.requestTransfer', after: { status: 'pending', toUnitId: toUnit.id }, reason: input.reason });
  });
  return { request: await transferRequestView(ctx.store, request, actor) };
};

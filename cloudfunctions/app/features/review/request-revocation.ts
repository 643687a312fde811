import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { nextStatus } from '../../../../shared/domain/filing/status';
import type { FilingDoc, RevocationDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { filingInScope } from './scope';
import { commitFiling, historyEntry } from '../../common/filing-write';
import { revocationView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { newId } from '../../security/random';

/** 申请取消创建资格: an admin of the branch asks, with reasons; the office decides. */
export const requestRevocation: Handler<typeof contract.review.requestRevocation> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const filing = await filingInScope(ctx, input.filingId);
  if (!nextStatus(filing.status, 'revoke')) throw new AppError('INVALID_STATE', '该报备当前状态不能申请取消创建资格');
  if (filing.revocationId) {
    const pending = await ctx.store.get<RevocationDoc>('revocations', filing.revocationId);
    if (pending?.status === 'pending') throw new AppError('REVOCATION_PENDING');
  }
  const now = ctx.now();
  const revocation: RevocationDoc = {
    id: newId(),
    filingId: filing.id,
    collectiveId: filing.collectiveId,
    collectiveName: filing.name,
    unitId: filing.unitId,
    unitPath: filing.unitPath,
    reasons: input.reasons,
    status: 'pending',
    requestedById: actor.id,
    requestedByCode: actor.code,
    requestedAt: now.toISOString(),
    decidedByCode: null,
    decidedAt: null,
    comment: null,
  };
  const next: FilingDoc = {
    ...filing,
    revocationId: revocation.id,
    history: [...filing.history, historyEntry(now, actor, 'review.requestRevocation', input.reasons)],
    updatedAt: now.toISOString(),
    version: filing.version + 1,
  };
  await commitFiling(ctx, filing, next, {
    actor,
    action: 'review.requestRevocation',
    reason: input.reasons,
    also: (tx) => tx.insert('revocations', revocation),
  });
  return { revocation: await revocationView(ctx.store, revocation) };
};

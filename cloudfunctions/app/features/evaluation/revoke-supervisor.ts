import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { SupervisorDoc } from '../../collections/supervision';
import { audit } from '../../common/audit';
import { loadInScope } from '../../common/scope';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { supervisorView } from './supervision-views';

/**
 * An admin of the appointing unit (or above) revokes a supervisor: no more reports, and an unused
 * invitation dies with it. Reports already filed stay in the unit's queue for its decision.
 */
export const revokeSupervisor: Handler<typeof contract.evaluation.revokeSupervisor> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await loadInScope<SupervisorDoc>(ctx, 'supervisors', input.supervisorId, '未找到该监督员', (s) => s.unitPath);
  if (found.status === 'revoked') throw new AppError('INVALID_STATE', '该监督员已撤销');
  const now = ctx.now();
  const set = { status: 'revoked' as const, revokedAt: now.toISOString(), version: found.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('supervisors', found.id, { set }, { version: found.version }))) throw new AppError('CONFLICT');
    await audit(tx, now, {
      actor: account,
      action: 'evaluation.revokeSupervisor',
      objectType: 'unit',
      objectId: found.unitId,
      unitPath: found.unitPath,
      before: { supervisorId: found.id, status: found.status },
      after: { supervisorId: found.id, status: 'revoked' },
    });
  });
  return { supervisor: await supervisorView(ctx.store, { ...found, ...set }, now) };
};

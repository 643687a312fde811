import type { contract } from '../../../../shared/contract';
import { INVITATION_PAGE, INVITATION_VALID_DAYS } from '../../../../shared/domain/evaluation/supervision';
import type { SupervisorDoc, SupervisorInvitationDoc } from '../../collections/supervision';
import { audit } from '../../common/audit';
import { unitInScope } from '../../common/scope';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId, sha256 } from '../../security/random';
import { supervisorView } from './supervision-views';
import { newInvitationCode, unitPlace } from './supervisors';

/**
 * An admin appoints a social supervisor for a unit in their subtree: the record keeps the name the admin
 * typed; the person is whoever redeems the one-time code (answered here once, stored only as its hash)
 * within INVITATION_VALID_DAYS. The supervisor, the invitation and the audit record land together.
 */
export const appointSupervisor: Handler<typeof contract.evaluation.appointSupervisor> = async (ctx, input) => {
  const account = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId);
  const now = ctx.now();
  const code = newInvitationCode();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000).toISOString();
  const supervisor: SupervisorDoc = {
    id: newId(),
    ...unitPlace(unit.path),
    name: input.name,
    status: 'invited',
    visitorId: null,
    invitationId: sha256(code),
    invitationExpiresAt: expiresAt,
    appointedBy: account.id,
    redeemedAt: null,
    revokedAt: null,
    reports: 0,
    forwarded: 0,
    createdAt: now.toISOString(),
    version: 1,
  };
  await transact(ctx.store, async (tx) => {
    await tx.insert('supervisors', supervisor);
    await tx.insert<SupervisorInvitationDoc>('supervisorInvitations', { id: supervisor.invitationId, supervisorId: supervisor.id, expiresAt, usedAt: null });
    await audit(tx, now, {
      actor: account,
      action: 'evaluation.appointSupervisor',
      objectType: 'unit',
      objectId: unit.id,
      unitPath: unit.path,
      after: { supervisorId: supervisor.id, name: supervisor.name, expiresAt },
    });
  });
  const link = `${ctx.config.publicUrl}/#/${INVITATION_PAGE}?invite=${code}`;
  return { supervisor: await supervisorView(ctx.store, supervisor, now), invitation: { code, link, expiresAt } };
};

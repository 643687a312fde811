import type { contract } from '../../../../shared/contract';
import { AppError, type ErrorCode } from '../../../../shared/errors';
import type { UnitDoc } from '../../collections';
import type { SupervisorDoc, SupervisorInvitationDoc } from '../../collections/supervision';
import { audit } from '../../common/audit';
import { visitorOf } from '../../common/identity';
import { checkLimits } from '../../limits/policy';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { sha256 } from '../../security/random';

const refused = (code: ErrorCode, message: string) => new AppError(code, message, { code: message });

/**
 * The invited person accepts, as the visitor the platform says they are (OPENID, or the signed H5 visitor
 * token): the supervisor becomes theirs. Once only, before it expires, and not after the admin revoked it;
 * the invitation's use, the supervisor's activation and the audit record (which names no visitor) land together.
 */
export const redeemInvitation: Handler<typeof contract.evaluation.redeemInvitation> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  await checkLimits(ctx, 'redeemInvitation', {});
  const invitationId = sha256(input.code);
  const now = ctx.now();
  const at = now.toISOString();
  const supervisor = await transact(ctx.store, async (tx) => {
    const invitation = await tx.get<SupervisorInvitationDoc>('supervisorInvitations', invitationId);
    const found = invitation ? await tx.get<SupervisorDoc>('supervisors', invitation.supervisorId) : null;
    if (!invitation || !found) throw refused('NOT_FOUND', '邀请码：无效，请核对后重新输入');
    if (invitation.usedAt !== null) throw refused('INVALID_STATE', '邀请码：已被使用，每个邀请码只能使用一次');
    if (found.status === 'revoked') throw refused('INVALID_STATE', '邀请码：管理单位已撤销该邀请');
    if (at >= invitation.expiresAt) throw refused('INVALID_STATE', '邀请码：已过期，请联系管理单位重新发放');
    const set = { status: 'active' as const, visitorId, redeemedAt: at, version: found.version + 1 };
    // The supervisor's version makes a second redemption racing this one lose.
    if (!(await tx.update('supervisors', found.id, { set }, { version: found.version }))) throw new AppError('CONFLICT');
    await tx.update('supervisorInvitations', invitation.id, { set: { usedAt: at } });
    await audit(tx, now, { actor: null, action: 'evaluation.redeemInvitation', objectType: 'unit', objectId: found.unitId, unitPath: found.unitPath, after: { supervisorId: found.id } });
    return { ...found, ...set };
  });
  const unit = await ctx.store.get<UnitDoc>('units', supervisor.unitId);
  return { role: { id: supervisor.id, unitName: unit?.name ?? '', since: at } };
};

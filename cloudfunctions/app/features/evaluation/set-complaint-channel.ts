import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { ComplaintChannelDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';

/**
 * An admin publishes the phone and e-mail where the public complains about the collectives of a unit in
 * their scope; the 三亮 pages below it show them (the nearest unit's). Both empty withdraws it. Audited.
 */
export const setComplaintChannel: Handler<typeof contract.evaluation.setComplaintChannel> = async (ctx, input) => {
  const account = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId);
  const next: ComplaintChannelDoc = { id: unit.id, phone: input.phone || null, email: input.email || null, updatedAt: ctx.now().toISOString() };
  await transact(ctx.store, async (tx) => {
    const before = await tx.get<ComplaintChannelDoc>('complaintChannels', unit.id);
    if (before) await tx.update('complaintChannels', unit.id, { set: { phone: next.phone, email: next.email, updatedAt: next.updatedAt } });
    else await tx.insert('complaintChannels', next);
    await audit(tx, ctx.now(), {
      actor: account,
      action: 'evaluation.setComplaintChannel',
      objectType: 'unit',
      objectId: unit.id,
      unitPath: unit.path,
      before: before ? { phone: before.phone, email: before.email } : null,
      after: { phone: next.phone, email: next.email },
    });
  });
  return { unitId: unit.id, unitName: unit.name, phone: next.phone, email: next.email };
};

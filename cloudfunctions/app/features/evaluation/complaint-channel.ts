import type { contract } from '../../../../shared/contract';
import type { UnitDoc } from '../../collections';
import type { ComplaintChannelDoc } from '../../collections/evaluation';
import { unitInScope } from '../../common/scope';
import type { Store } from '../../ports/store';
import type { Handler } from '../../router';

export async function complaintChannelView(store: Store, unit: UnitDoc) {
  const channel = await store.get<ComplaintChannelDoc>('complaintChannels', unit.id);
  return { unitId: unit.id, unitName: unit.name, phone: channel?.phone ?? null, email: channel?.email ?? null };
}

/** A unit's published complaint channel, for the admins of it and of the units above it. */
export const complaintChannel: Handler<typeof contract.evaluation.complaintChannel> = async (ctx, input) =>
  complaintChannelView(ctx.store, await unitInScope(ctx, input.unitId));

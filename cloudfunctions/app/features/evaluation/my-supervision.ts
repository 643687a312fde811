import type { contract } from '../../../../shared/contract';
import { isWithin } from '../../../../shared/domain/unit-tree';
import type { UnitDoc } from '../../collections';
import type { SupervisorDoc } from '../../collections/supervision';
import { visitorOf } from '../../common/identity';
import type { Handler } from '../../router';
import { aspectTagsOf, campaignOf } from './campaign-of';
import { targetByCode } from './pages';

/**
 * The calling visitor's active appointments; with a collective's public code, the appointment under which
 * they may report on it (its unit's subtree holds the collective) and the tags its campaign offers.
 */
export const mySupervision: Handler<typeof contract.evaluation.mySupervision> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  const { items } = await ctx.store.find<SupervisorDoc>('supervisors', { where: { visitorId, status: 'active' }, orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 50 });
  const roles = await Promise.all(
    items.map(async (s) => ({ id: s.id, unitName: (await ctx.store.get<UnitDoc>('units', s.unitId))?.name ?? '', since: s.redeemedAt ?? s.createdAt })),
  );
  if (!input.code || items.length === 0) return { roles, target: null };
  const { collective, page } = await targetByCode(ctx.store, input.code);
  const role = collective.status === 'active' ? items.find((s) => isWithin(s.unitPath, collective.unitPath)) : undefined;
  if (!role) return { roles, target: null };
  const { tags } = await aspectTagsOf(ctx.store, await campaignOf(ctx.store, collective));
  return { roles, target: { supervisorId: role.id, collective: { code: page.code, name: collective.name }, tags } };
};

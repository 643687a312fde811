import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { UnitDoc } from '../../collections';
import type { EventDoc } from '../../collections/openweek';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { eventCardViews } from './views';

/** Upcoming and running published events, soonest first; by type, by 行业/地方 unit subtree, by title. */
export const listEvents: Handler<typeof contract.openweek.listEvents> = async (ctx, input) => {
  const where: Filter = { status: 'published', hidden: false, endAt: { $gt: ctx.now().toISOString() } };
  if (input.type) where.type = input.type;
  if (input.unitId) {
    const unit = await ctx.store.get<UnitDoc>('units', input.unitId);
    if (!unit) throw new AppError('NOT_FOUND', '未找到该行业或地方');
    where.unitPath = { $prefix: unit.path };
  }
  const q = input.q?.trim();
  if (q) where.title = { $contains: q };
  const page = await ctx.store.find<EventDoc>('events', {
    where,
    orderBy: { fields: ['startAt'], direction: 'asc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: await eventCardViews(ctx.store, page.items), nextCursor: page.nextCursor };
};

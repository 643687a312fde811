import type { contract } from '../../../../shared/contract';
import { daysSince, silenceCutoff } from '../../../../shared/domain/creationlog/silence';
import type { CreationActivityDoc } from '../../collections/creationlog';
import { accountOf } from '../../context';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';

/**
 * Collectives of a unit's subtree that have submitted nothing on the last 30 (or 60) China-time days, the
 * longest silence first; those that opened their log and never submitted come first of all.
 */
export const silentCollectives: Handler<typeof contract.creationlog.silentCollectives> = async (ctx, input) => {
  const unit = await unitInScope(ctx, input.unitId ?? accountOf(ctx).unitId);
  const now = ctx.now();
  const where: Filter = { lastSubmittedAt: { $lt: silenceCutoff(now, input.days).toISOString() } };
  if (unit.level >= 1) where[`unitL${unit.level}`] = unit.id;
  const page = await ctx.store.find<CreationActivityDoc>('creationActivity', {
    where,
    orderBy: { fields: ['lastSubmittedAt'], direction: 'asc' },
    after: input.cursor,
    limit: input.limit,
  });
  return {
    items: page.items.map((a) => ({
      collectiveId: a.id,
      collectiveName: a.collectiveName,
      unitName: a.unitName,
      lastSubmittedAt: a.lastSubmittedAt || null,
      silentDays: a.lastSubmittedAt ? daysSince(new Date(a.lastSubmittedAt), now) : null,
    })),
    nextCursor: page.nextCursor,
  };
};

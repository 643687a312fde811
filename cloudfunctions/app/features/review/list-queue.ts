import type { contract } from '../../../../shared/contract';
import type { FilingDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { readCounts } from '../../common/filing-counts';
import { filingSummaries } from '../../common/filing-views';
import { decodeCursor, type Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';

/**
 * The review queue of a unit's subtree (the caller's own by default). The subtree of a level-k unit is
 * the equality unitLk = id (see collections/filing.ts), so one index serves filter and order and a page
 * costs the same in a store of a thousand filings or of a hundred thousand. Counts come from the unit's sharded counters (common/filing-counts.ts).
 */
export const listQueue: Handler<typeof contract.review.listQueue> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const where: Filter = { campaignId: input.campaignId };
  if (input.awaitingMe) where.stageUnitId = actor.unitId;
  else if (unit.level >= 1) where[`unitL${unit.level}`] = unit.id;
  if (input.status) where.status = input.status;
  if (input.category) where.category = input.category;
  if (input.priorTitle) where.topTitle = input.priorTitle;
  const q = input.q?.trim();
  if (q) where.name = { $contains: q };

  const direction = input.sort === 'oldest' ? 'asc' : 'desc';
  if (input.cursor) {
    // Every filing has an updatedAt, so "after the cursor" also bounds updatedAt itself: a plain range
    // the index seeks to, instead of walking the pages before it (the store's keyset condition alone is
    // an OR that SQLite cannot seek with). The keyset condition still decides ties.
    const [at] = decodeCursor(input.cursor, 2);
    if (typeof at === 'string') where.updatedAt = direction === 'desc' ? { $lte: at } : { $gte: at };
  }
  const page = await ctx.store.find<FilingDoc>('filings', {
    where,
    orderBy: { fields: ['updatedAt'], direction },
    after: input.cursor,
    limit: input.limit,
  });
  const counts = await readCounts(ctx.store, input.campaignId, unit.id);
  return { items: await filingSummaries(ctx.store, page.items), nextCursor: page.nextCursor, counts };
};

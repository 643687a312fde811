import type { contract } from '../../../../shared/contract';
import { monthRange } from '../../../../shared/domain/creationlog/silence';
import type { CreationEntryDoc, CreationReadDoc } from '../../collections/creationlog';
import { accountOf } from '../../context';
import { decodeCursor, type Condition, type Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { entryCard, levelOf, readFlag } from './entries';

/**
 * Submitted entries of a unit's subtree (the caller's own by default), newest first, each marked unread
 * when this admin has not opened it. The subtree of a level-k unit is the equality unitLk = id
 * (collections/creationlog.ts), so one index serves filter and order; filters on category, level read
 * flags, video and name narrow what that index walks.
 */
export const feed: Handler<typeof contract.creationlog.feed> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const where: Filter = { campaignId: input.campaignId, status: 'submitted' };
  if (unit.level >= 1) where[`unitL${unit.level}`] = unit.id;
  if (input.category) where.category = input.category;
  if (input.unreadAtMyLevel) where[readFlag(levelOf(actor))] = false;
  if (input.video === 'pending') where.videoStatus = 'pending';
  if (input.video === 'any') where.videoStatus = { $in: ['pending', 'approved'] };
  const q = input.q?.trim();
  if (q) where.collectiveName = { $contains: q };

  const submitted: Condition = {};
  if (input.month) {
    const { from, to } = monthRange(input.month);
    submitted.$gte = from.toISOString();
    submitted.$lt = to.toISOString();
  }
  if (input.cursor) {
    // "After the cursor" also bounds submittedAt itself: a range the index seeks to instead of walking the
    // pages before it (the keyset condition alone is an OR that SQLite cannot seek with); it still decides ties.
    const [at] = decodeCursor(input.cursor, 2);
    if (typeof at === 'string') submitted.$lte = at;
  }
  if (Object.keys(submitted).length > 0) where.submittedAt = submitted;

  const page = await ctx.store.find<CreationEntryDoc>('creationEntries', {
    where,
    orderBy: { fields: ['submittedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  const ids = page.items.map((entry) => entry.id);
  const reads = ids.length
    ? await ctx.store.find<CreationReadDoc>('creationReads', {
        where: { adminId: actor.id, entryId: { $in: ids } },
        orderBy: { fields: ['entryId'], direction: 'asc' },
        limit: ids.length,
      })
    : { items: [] };
  const read = new Set(reads.items.map((r) => r.entryId));
  return { items: page.items.map((entry) => entryCard(entry, !read.has(entry.id))), nextCursor: page.nextCursor };
};

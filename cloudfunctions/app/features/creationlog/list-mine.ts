import type { contract } from '../../../../shared/contract';
import { monthRange } from '../../../../shared/domain/creationlog/silence';
import type { CreationEntryDoc } from '../../collections/creationlog';
import type { Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { entryCard, myCollective } from './entries';

/** The collective's drafts (last changed first) or its submitted entries (newest submission first, optionally one month). */
export const listMine: Handler<typeof contract.creationlog.listMine> = async (ctx, input) => {
  const collective = await myCollective(ctx);
  const where: Filter = { collectiveId: collective.id, status: input.status };
  if (input.status === 'submitted' && input.month) {
    const { from, to } = monthRange(input.month);
    where.submittedAt = { $gte: from.toISOString(), $lt: to.toISOString() };
  }
  const page = await ctx.store.find<CreationEntryDoc>('creationEntries', {
    where,
    orderBy: { fields: [input.status === 'draft' ? 'updatedAt' : 'submittedAt'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  return { items: page.items.map((entry) => entryCard(entry)), nextCursor: page.nextCursor };
};

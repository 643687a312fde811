import type { contract } from '../../../../shared/contract';
import { publicEntriesPage } from '../../common/public-entries';
import type { Handler } from '../../router';
import { targetByCode } from './pages';

/** More of a collective's public creation-log entries than its 三亮 page shows first. */
export const publicEntries: Handler<typeof contract.evaluation.publicEntries> = async (ctx, input) => {
  const { collective } = await targetByCode(ctx.store, input.code);
  return publicEntriesPage(ctx.store, collective.id, input.cursor, input.limit);
};

import type { contract } from '../../../../shared/contract';
import { accountOf } from '../../context';
import { filingInScope } from './scope';
import { filingView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { possibleDecisions } from './decisions';

export const getFiling: Handler<typeof contract.review.getFiling> = async (ctx, input) => {
  const filing = await filingInScope(ctx, input.filingId);
  return { filing: await filingView(ctx.store, filing, accountOf(ctx)), canDecide: possibleDecisions(accountOf(ctx), filing) };
};

import type { contract } from '../../../../shared/contract';
import { accountOf } from '../../context';
import { commitFiling } from '../../filing/support';
import { filingView } from '../../filing/views';
import type { Handler } from '../../router';
import { prepareEdit } from './prepare';

/** 保存草稿: anything may still be missing; the window must be open and the filing the collective's to edit. */
export const saveDraft: Handler<typeof contract.filing.saveDraft> = async (ctx, input) => {
  const { before, next } = await prepareEdit(ctx, input.campaignId, input.content);
  await commitFiling(ctx, before, next, { actor: accountOf(ctx), action: 'filing.saveDraft' });
  return { filing: await filingView(ctx.store, next, accountOf(ctx)) };
};

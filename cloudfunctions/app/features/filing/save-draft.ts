import type { contract } from '../../../../shared/contract';
import { accountOf } from '../../context';
import type { FilingDoc } from '../../collections/filing';
import { commitFiling } from '../../common/filing-write';
import { filingView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { prepareEdit } from './prepare';

/**
 * 保存草稿: anything may still be missing; the window must be open and the filing the collective's to edit.
 * The form saves as it is typed, so only the first save — the filing coming into being — is audited;
 * later saves change content, not state.
 */
export const saveDraft: Handler<typeof contract.filing.saveDraft> = async (ctx, input) => {
  const { before, next } = await prepareEdit(ctx, input.campaignId, input.content);
  await commitFiling(ctx, before, next, { actor: accountOf(ctx), action: draftAction(before) });
  return { filing: await filingView(ctx.store, next, accountOf(ctx)) };
};

/** The audit action of saving content: 开始报备 when the filing is new, nothing for a later save. */
export function draftAction(before: FilingDoc | null): 'filing.saveDraft' | null {
  return before ? null : 'filing.saveDraft';
}

import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { createDraft, updateDraft } from './drafts';
import { entryView, myCollective, openMyCollective, ownDraft } from './entries';

/** 保存草稿: saved as it is typed; without an entry id, a new draft. A submitted entry is refused (ENTRY_SUBMITTED). */
export const saveDraft: Handler<typeof contract.creationlog.saveDraft> = async (ctx, input) => {
  if (!input.entryId) return { entry: entryView(await createDraft(ctx, await openMyCollective(ctx), input.content)) };
  const collective = await myCollective(ctx);
  const draft = await ownDraft(ctx, collective, input.entryId);
  return { entry: entryView(await updateDraft(ctx, collective, draft, input.version ?? draft.version, input.content)) };
};

import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { createDraft, updateDraft } from './drafts';
import { entryView, myCollective, ownDraft } from './entries';

/** 保存草稿: saved as it is typed; without an entry id, a new draft. A submitted entry is refused (ENTRY_SUBMITTED). */
export const saveDraft: Handler<typeof contract.creationlog.saveDraft> = async (ctx, input) => {
  const collective = await myCollective(ctx);
  if (!input.entryId) return { entry: entryView(await createDraft(ctx, collective, input.content)) };
  const draft = await ownDraft(ctx, collective, input.entryId);
  return { entry: entryView(await updateDraft(ctx, collective, draft, input.version ?? draft.version, input.content)) };
};

import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { AppError } from '../../../../shared/errors';
import { myCollective, ownDraft } from './entries';
import { followUploads, uploadIdsOf } from './uploads';

/** Deletes a draft nobody but the collective ever saw; a submitted entry stays in the log. */
export const discardDraft: Handler<typeof contract.creationlog.discardDraft> = async (ctx, input) => {
  const collective = await myCollective(ctx);
  const draft = await ownDraft(ctx, collective, input.entryId);
  await transact(ctx.store, async (tx) => {
    const current = await tx.get<{ id: string; status: string }>('creationEntries', draft.id);
    if (!current || current.status !== 'draft') throw new AppError('ENTRY_SUBMITTED');
    await tx.remove('creationEntries', draft.id);
    // Its images and video no longer belong to any entry of it: the purge job deletes those no other entry names.
    await followUploads(tx, draft.id, uploadIdsOf(ctx, collective.id, draft), []);
    await audit(tx, ctx.now(), {
      actor: accountOf(ctx),
      action: 'creationlog.discardDraft',
      objectType: 'creationEntry',
      objectId: draft.id,
      unitPath: draft.unitPath,
      before: { title: draft.title },
    });
  });
  return { discarded: true as const };
};

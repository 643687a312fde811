import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { AppError } from '../../../../shared/errors';
import { myCollective, ownDraft } from './entries';

/** Deletes a draft nobody but the collective ever saw; a submitted entry stays in the log. */
export const discardDraft: Handler<typeof contract.creationlog.discardDraft> = async (ctx, input) => {
  const draft = await ownDraft(ctx, await myCollective(ctx), input.entryId);
  await transact(ctx.store, async (tx) => {
    const current = await tx.get<{ id: string; status: string }>('creationEntries', draft.id);
    if (!current || current.status !== 'draft') throw new AppError('ENTRY_SUBMITTED');
    await tx.remove('creationEntries', draft.id);
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

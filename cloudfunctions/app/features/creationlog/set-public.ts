import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { CreationEntryDoc, PublicState } from '../../collections/creationlog';
import { accountOf, type UseCaseContext } from '../../context';
import type { ContentVerdict } from '../../ports/content-security';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { entryView, myCollective, ownEntry } from './entries';

/** The strictest verdict of the entry's title and text and of each image: one reject refuses, one review holds. */
async function verdictOf(ctx: UseCaseContext, entry: CreationEntryDoc): Promise<ContentVerdict> {
  const openid = ctx.caller.openid;
  const verdicts = [
    await ctx.contentSecurity.checkText({ text: `${entry.title}\n${entry.text}`, scene: 'profile', openid }),
    ...(await Promise.all(entry.images.map((url) => ctx.contentSecurity.checkImage({ url, scene: 'profile', openid })))),
  ];
  return verdicts.includes('reject') ? 'reject' : verdicts.includes('review') ? 'review' : 'pass';
}

/**
 * The collective makes one of its submitted entries 公开 on its 三亮 page, or withdraws it. Its title, text
 * and images pass content security first: a pass shows it, a pending verdict holds it (审核中, shown to
 * nobody), a rejection refuses and changes nothing. Its video stays off the page until a managing admin
 * approves it (`approveVideo`). The change and its audit record land together, on the version the page read.
 */
export const setPublic: Handler<typeof contract.creationlog.setPublic> = async (ctx, input) => {
  const collective = await myCollective(ctx);
  const entry = await ownEntry(ctx, collective, input.entryId);
  if (entry.status !== 'submitted') throw new AppError('ENTRY_NOT_SUBMITTED');
  if (entry.version !== input.version) throw new AppError('CONFLICT');
  let publicState: PublicState | null = null;
  if (input.public) {
    const verdict = await verdictOf(ctx, entry);
    if (verdict === 'reject') throw new AppError('ENTRY_CONTENT_REJECTED');
    publicState = verdict === 'pass' ? 'public' : 'review';
  }
  const before = entry.publicState ?? null;
  if (before === publicState) return { entry: entryView(entry) };
  const now = ctx.now();
  const next: CreationEntryDoc = { ...entry, publicState, version: entry.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('creationEntries', entry.id, { set: { publicState, version: next.version } }, { version: entry.version }))) {
      throw new AppError('CONFLICT');
    }
    await audit(tx, now, {
      actor: accountOf(ctx),
      action: 'creationlog.setPublic',
      objectType: 'creationEntry',
      objectId: entry.id,
      unitPath: entry.unitPath,
      before: { publicState: before },
      after: { publicState },
    });
  });
  return { entry: entryView(next) };
};

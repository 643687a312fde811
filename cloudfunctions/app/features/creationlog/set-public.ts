import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { CreationEntryDoc, PublicHold, PublicState } from '../../collections/creationlog';
import { checkImages, holdForVerdict, type CheckedImage } from '../../common/media-checks';
import { accountOf, type UseCaseContext } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { entryView, myCollective, ownEntry } from './entries';

/**
 * The strictest verdict of the entry's title and text and of each image: one reject refuses, one review holds.
 * A hold names the images whose verdict will arrive (their trace ids) and whether anything else holds it.
 */
async function verdictOf(ctx: UseCaseContext, entry: CreationEntryDoc): Promise<{ state: PublicState | 'reject'; hold: PublicHold | null; pending: CheckedImage[] }> {
  const openid = ctx.caller.openid;
  const text = await ctx.contentSecurity.checkText({ text: `${entry.title}\n${entry.text}`, scene: 'profile', openid });
  const images = await checkImages(ctx, entry.images, 'profile', openid);
  if (text === 'reject' || images.some((i) => i.verdict === 'reject')) return { state: 'reject', hold: null, pending: [] };
  const held = images.filter((i) => i.verdict === 'review');
  if (text === 'pass' && held.length === 0) return { state: 'public', hold: null, pending: [] };
  const pending = held.filter((i) => i.traceId);
  return { state: 'review', hold: { awaiting: pending.map((i) => i.traceId!), alsoHeld: text === 'review' || pending.length < held.length }, pending };
}

/**
 * The collective makes one of its submitted entries 公开 on its 三亮 page, or withdraws it. Its title, text
 * and images pass content security first: a pass shows it, a pending verdict holds it (审核中, shown to
 * nobody), a rejection refuses and changes nothing. A held entry's images wait for their verdicts, recorded in
 * the same transaction (common/media-checks.ts); media-verdicts/ releases it when they pass. Its video stays off
 * the page until a managing admin approves it (`approveVideo`). The change and its audit record land together,
 * on the version the page read; marking a held entry again checks it again.
 */
export const setPublic: Handler<typeof contract.creationlog.setPublic> = async (ctx, input) => {
  const collective = await myCollective(ctx);
  const entry = await ownEntry(ctx, collective, input.entryId);
  if (entry.status !== 'submitted') throw new AppError('ENTRY_NOT_SUBMITTED');
  if (entry.version !== input.version) throw new AppError('CONFLICT');
  let publicState: PublicState | null = null;
  let publicHold: PublicHold | null = null;
  let pending: CheckedImage[] = [];
  if (input.public) {
    const verdict = await verdictOf(ctx, entry);
    if (verdict.state === 'reject') throw new AppError('ENTRY_CONTENT_REJECTED');
    ({ state: publicState, hold: publicHold, pending } = verdict);
  }
  const before = entry.publicState ?? null;
  if (before === publicState && publicState !== 'review') return { entry: entryView(entry) };
  const now = ctx.now();
  const next: CreationEntryDoc = { ...entry, publicState, publicHold, version: entry.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('creationEntries', entry.id, { set: { publicState, publicHold, version: next.version } }, { version: entry.version }))) {
      throw new AppError('CONFLICT');
    }
    for (const image of pending) await holdForVerdict(tx, now, image.traceId!, { kind: 'creationEntry', entryId: entry.id, url: image.url });
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

import { audit } from '../../common/audit';
import type { CollectiveDoc } from '../../collections/filing';
import type { CreationEntryDoc, PublicHold, PublicState } from '../../collections/creationlog';
import type { MediaCheckDoc, MediaOutcome } from '../../collections/media';
import type { Deps } from '../../context';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { StoreOps } from '../../ports/store';

/** Why an image that did not pass keeps its entry off the 三亮 page, and what the collective may do about it. */
const NOT_PUBLIC = {
  risky: { reason: '图片未通过内容安全检查', then: '请更换图片后作为更正重新提交。' },
  expired: { reason: '图片审核超时', then: '如需公开，可重新标记公开。' },
} as const;

/**
 * The verdict on one image of an entry held 审核中 (`setPublic`), applied inside the receiver's transaction, which
 * has already marked the check applied. Only a hold that still awaits this trace id is touched: an entry
 * withdrawn or marked again since has moved on. pass: the image no longer holds it, and the last one to pass
 * makes it public (if nothing else holds it); risky: it is not public, and the collective is told why; review:
 * it stays held until the collective marks it again; expired (no verdict in time): as risky, and the collective is
 * told it may mark it 公开 again.
 */
export async function applyEntryImageVerdict(deps: Deps, tx: StoreOps, check: MediaCheckDoc, suggest: MediaOutcome): Promise<OutboxDoc | null> {
  if (check.subject.kind !== 'creationEntry') return null;
  const entry = await tx.get<CreationEntryDoc>('creationEntries', check.subject.entryId);
  const hold = entry?.publicHold;
  if (!entry || entry.publicState !== 'review' || !hold?.awaiting.includes(check.traceId)) return null;
  const awaiting = hold.awaiting.filter((id) => id !== check.traceId);
  let publicState: PublicState | null = 'review';
  let publicHold: PublicHold | null = { awaiting, alsoHeld: hold.alsoHeld || suggest === 'review' };
  const notPublic = suggest === 'risky' || suggest === 'expired' ? NOT_PUBLIC[suggest] : null;
  if (notPublic) [publicState, publicHold] = [null, null];
  else if (suggest === 'pass' && awaiting.length === 0 && !hold.alsoHeld) [publicState, publicHold] = ['public', null];
  const now = deps.now();
  await tx.update('creationEntries', entry.id, { set: { publicState, publicHold, version: entry.version + 1 } }, { version: entry.version });
  if (publicState !== entry.publicState) {
    await audit(tx, now, {
      actor: null,
      action: 'creationlog.mediaVerdict',
      objectType: 'creationEntry',
      objectId: entry.id,
      unitPath: entry.unitPath,
      before: { publicState: entry.publicState },
      after: { publicState },
      ...(notPublic ? { reason: notPublic.reason } : {}),
    });
  }
  if (!notPublic) return null;
  const collective = await tx.get<CollectiveDoc>('collectives', entry.collectiveId);
  if (!collective) return null;
  return enqueue(tx, now, {
    kind: 'message',
    message: {
      recipient: { kind: 'account', accountId: collective.accountId },
      topic: 'creationLogNotPublic',
      title: '创建日志未能公开',
      body: `「${entry.title}」的${notPublic.reason}，未在三亮主页公开。${notPublic.then}`,
      page: `collective/creationlog/entry?id=${entry.id}`,
    },
  });
}

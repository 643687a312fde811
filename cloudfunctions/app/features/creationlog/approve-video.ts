import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { UnitDoc } from '../../collections';
import type { CreationEntryDoc } from '../../collections/creationlog';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { entryInScope, entryView } from './entries';

/**
 * An admin of the entry's chain approves its video: WeChat offers no automatic check of video, so a video is
 * never public until a person has looked at it. Audited; approving again changes nothing.
 */
export const approveVideo: Handler<typeof contract.creationlog.approveVideo> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const entry = await entryInScope(ctx, input.entryId);
  if (!entry.video) throw new AppError('NOT_FOUND', '该创建日志没有视频');
  if (entry.video.approvedAt) return { entry: entryView(entry) };
  const unit = await ctx.store.get<UnitDoc>('units', actor.unitId);
  const now = ctx.now();
  const next = await transact(ctx.store, async (tx) => {
    const current = await tx.get<CreationEntryDoc>('creationEntries', entry.id);
    if (!current?.video) throw new AppError('NOT_FOUND', '该创建日志没有视频');
    if (current.video.approvedAt) return current;
    const video = { ...current.video, approvedAt: now.toISOString(), approvedByUnitName: unit?.name ?? '' };
    const updated: CreationEntryDoc = { ...current, video, videoStatus: 'approved', version: current.version + 1 };
    if (!(await tx.update('creationEntries', entry.id, { set: { video, videoStatus: 'approved', version: updated.version } }, { version: current.version }))) {
      throw new AppError('CONFLICT');
    }
    await audit(tx, now, {
      actor,
      action: 'creationlog.approveVideo',
      objectType: 'creationEntry',
      objectId: entry.id,
      unitPath: entry.unitPath,
      before: { video: 'pending' },
      after: { video: 'approved', seconds: video.seconds },
    });
    return updated;
  });
  return { entry: entryView(next) };
};

import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { UnitDoc } from '../../collections';
import type { FilingDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { filingInScope } from './scope';
import { commitFiling, historyEntry } from '../../common/filing-write';
import { filingView } from '../../common/filing-views';
import type { Handler } from '../../router';

/** 市青工委意见: the office's final opinion on an approved filing, once. */
export const recordOfficeOpinion: Handler<typeof contract.review.recordOfficeOpinion> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const filing = await filingInScope(ctx, input.filingId);
  if (filing.version !== input.version) throw new AppError('CONFLICT');
  if (filing.status !== 'approved') throw new AppError('INVALID_STATE', '只能对创建集体记录市青工委意见');
  if (filing.opinions.some((o) => o.box === 'office')) throw new AppError('INVALID_STATE', '已记录市青工委意见');
  const unit = await ctx.store.get<UnitDoc>('units', actor.unitId);
  const now = ctx.now();
  const next: FilingDoc = {
    ...filing,
    opinions: [
      ...filing.opinions,
      {
        level: 0, box: 'office', unitId: actor.unitId, unitName: unit?.name ?? '', authorId: actor.id, authorCode: actor.code,
        authorName: actor.name, decision: 'endorse', comment: input.comment, at: now.toISOString(), version: filing.version,
      },
    ],
    history: [...filing.history, historyEntry(now, actor, 'review.officeOpinion', input.comment)],
    updatedAt: now.toISOString(),
    version: filing.version + 1,
  };
  await commitFiling(ctx, filing, next, { actor, action: 'review.officeOpinion', reason: input.comment });
  return { filing: await filingView(ctx.store, next, accountOf(ctx)) };
};

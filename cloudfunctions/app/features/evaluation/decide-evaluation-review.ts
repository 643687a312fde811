import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import { loadInScope } from '../../common/scope';
import type { EvaluationDoc, EvaluationPhoto, EvaluationReviewDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { countedRating, countEvaluation } from './counts';
import { followUpDueAt, syncCase } from './follow-up';
import { shownOnPage, unsentPhotos } from './photos';
import { evaluationReviewView } from './reviews';

/**
 * The photos after the decision: those no verdict will reach are shown (计入) or removed as a risky verdict removes
 * them (不计入); those WeChat is still checking keep waiting for its verdict.
 */
function decidedPhotos(before: EvaluationDoc, count: boolean): EvaluationPhoto[] {
  const unsent = new Set(unsentPhotos(before));
  return (before.photos ?? []).map((p) => (unsent.has(p) ? { url: p.url, state: count ? 'shown' : 'removed' } : p));
}

/**
 * The evaluation after the decision: 计入 counts it and shows its comment and photos; 不计入 folds a held one with
 * the reason, or keeps only the comment and photos off the page.
 */
function decided(before: EvaluationDoc, count: boolean, reason: string | null, at: string): EvaluationDoc {
  const photos = decidedPhotos(before, count);
  if (count) {
    const commentState = before.commentState === 'review' ? 'shown' : before.commentState;
    const after = { ...before, held: false, commentState, photos };
    return { ...after, commentShown: shownOnPage(after) };
  }
  const commentState = before.commentState === 'review' ? 'hidden' : before.commentState;
  const excluded = before.held ? { reason: `审核不计入：${reason}`, at } : before.excluded;
  const after = { ...before, commentState, excluded, photos };
  return { ...after, commentShown: shownOnPage(after) };
}

/**
 * An admin whose subtree holds the collective decides a pending review once: 计入 or 不计入 with a reason.
 * The evaluation, the collective's counters, a 差评's follow-up case (opened when a held one now counts, due
 * in its campaign's period) and the audit record move in one transaction; the review is re-checked there
 * (still pending, same version), so a replacement or a second admin meanwhile is refused, not overwritten.
 */
export const decideEvaluationReview: Handler<typeof contract.evaluation.decideEvaluationReview> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await loadInScope<EvaluationReviewDoc>(ctx, 'evaluationReviews', input.evaluationId, '未找到该待审核评价', (r) => r.unitPath);
  if (found.status !== 'pending') throw new AppError('INVALID_STATE', '该评价已审核');
  const campaignId = (await ctx.store.get<EvaluationDoc>('evaluations', found.id))?.campaignId ?? null;
  const dueAt = await followUpDueAt(ctx, campaignId);
  const at = ctx.now().toISOString();
  const reason = input.count ? null : (input.reason ?? null);
  const decision = { outcome: input.count ? ('counted' as const) : ('excluded' as const), reason, by: account.id, byName: account.name, at };
  const next: EvaluationReviewDoc = { ...found, status: 'decided', decision, updatedAt: at, version: found.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('evaluationReviews', found.id, { set: { status: next.status, decision, updatedAt: at, version: next.version } }, { version: found.version, status: 'pending' }))) {
      throw new AppError('CONFLICT');
    }
    const before = await tx.get<EvaluationDoc>('evaluations', found.id);
    if (!before) throw new AppError('NOT_FOUND', '未找到该评价');
    const after = decided(before, input.count, reason, at);
    await tx.update('evaluations', before.id, { set: { held: after.held, commentState: after.commentState, photos: after.photos ?? [], commentShown: after.commentShown, excluded: after.excluded ?? null } });
    await countEvaluation(tx, before, countedRating(before), countedRating(after));
    await syncCase(tx, after, at, dueAt);
    await audit(tx, ctx.now(), {
      actor: account,
      action: input.count ? 'evaluation.countReviewed' : 'evaluation.excludeReviewed',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { evaluationId: found.id, held: found.held, commentInReview: found.commentInReview, photosInReview: found.photosInReview ?? false },
      reason,
    });
  });
  const view = await evaluationReviewView(ctx.store, next);
  if (!view) throw new AppError('NOT_FOUND', '未找到该评价');
  return { review: view };
};

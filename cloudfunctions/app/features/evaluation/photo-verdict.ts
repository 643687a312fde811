import type { EvaluationDoc, EvaluationPhoto } from '../../collections/evaluation';
import type { MediaCheckDoc, MediaOutcome } from '../../collections/media';
import type { Deps } from '../../context';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { StoreOps } from '../../ports/store';
import { shownOnPage } from './photos';
import { syncReview } from './reviews';

/**
 * The verdict on one photo of an evaluation, inside the receiver's transaction: pass shows it with the evaluation,
 * risky removes it (the evaluator sees 未通过审核 on 我的评价; it was never public, so nobody else is told), review
 * (WeChat advises a person look) leaves it, without a trace id, to the managing unit's review queue, whose admins
 * are told after the commit; a check that expired without a verdict removes it as risky does. A photo replaced
 * since (a later 综合点评 of the month) no longer carries the trace id and is left alone. The list order
 * (updatedAt) does not change: the evaluation itself did not.
 */
export async function applyPhotoVerdict(deps: Deps, tx: StoreOps, check: MediaCheckDoc, suggest: MediaOutcome): Promise<OutboxDoc | null> {
  if (check.subject.kind !== 'evaluationPhoto') return null;
  const evaluation = await tx.get<EvaluationDoc>('evaluations', check.subject.evaluationId);
  const photos = evaluation?.photos ?? [];
  if (!evaluation || !photos.some((p) => p.traceId === check.traceId && p.state === 'review')) return null;
  const next: EvaluationPhoto[] = photos.map((p) =>
    p.traceId !== check.traceId ? p : { url: p.url, state: suggest === 'pass' ? 'shown' : suggest === 'review' ? 'review' : 'removed' },
  );
  const commentShown = shownOnPage({ ...evaluation, photos: next });
  await tx.update('evaluations', evaluation.id, { set: { photos: next, commentShown } });
  const queued = await syncReview(tx, { ...evaluation, photos: next, commentShown }, deps.now().toISOString());
  return queued ? enqueue(tx, deps.now(), { kind: 'tellEvaluationReviewers', evaluationId: evaluation.id }) : null;
}

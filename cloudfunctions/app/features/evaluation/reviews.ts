import type { EvaluationReviewView } from '../../../../shared/contract/evaluation-views';
import { REVIEW_OUTCOME_LABELS } from '../../../../shared/domain/evaluation/rules';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { UnitDoc } from '../../collections';
import type { EvaluationDoc, EvaluationReviewDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import type { Deps } from '../../context';
import type { OutboxWork } from '../../outbox/records';
import type { Message } from '../../ports/notifier';
import type { Store, StoreOps } from '../../ports/store';
import { adminsFor } from './escalation-notice';
import { publicCodeOf } from './pages';
import { unsentPhotos } from './photos';
import { evaluationView } from './views';

type Reviewed = Pick<EvaluationDoc, 'held' | 'excluded' | 'commentState' | 'photos'>;

/**
 * A folded evaluation awaits nothing; otherwise a held one awaits counting, a comment in review its showing, and
 * photos that could not be sent for checking their showing.
 */
const awaits = (e: Reviewed) => ({
  held: e.held && !e.excluded,
  commentInReview: e.commentState === 'review' && !e.excluded,
  photosInReview: !e.excluded && unsentPhotos(e).length > 0,
});

/** Whether the evaluation belongs in its managing unit's review queue, for any reason. */
export const awaitsReview = (e: Reviewed): boolean => Object.values(awaits(e)).some(Boolean);

/**
 * Keeps the evaluation's review in step with it, inside its transaction: an evaluation held, with a comment
 * under review or with photos no verdict will reach is in its managing unit's queue (back in it when a replacement needs a new decision);
 * one that no longer needs review (replaced, or folded by an appeal) leaves a pending review withdrawn.
 * `created`: the evaluation was first written in this transaction, under a new id, so it has no review yet.
 * Answers whether the evaluation has just entered the queue (its unit's admins are then told).
 */
export async function syncReview(tx: StoreOps, e: EvaluationDoc, at: string, created = false): Promise<boolean> {
  const { held, commentInReview, photosInReview } = awaits(e);
  const existing = created ? null : await tx.get<EvaluationReviewDoc>('evaluationReviews', e.id);
  if (held || commentInReview || photosInReview) {
    if (!existing) {
      const [, unitL1 = '', unitL2 = '', unitL3 = ''] = pathIds(e.unitPath);
      await tx.insert<EvaluationReviewDoc>('evaluationReviews', {
        id: e.id, collectiveId: e.collectiveId, unitPath: e.unitPath, unitL1, unitL2, unitL3, held, commentInReview, photosInReview, status: 'pending', decision: null, createdAt: at, updatedAt: at, version: 1,
      });
      return true;
    }
    if (existing.status !== 'pending' || existing.held !== held || existing.commentInReview !== commentInReview || (existing.photosInReview ?? false) !== photosInReview) {
      await tx.update('evaluationReviews', e.id, { set: { held, commentInReview, photosInReview, status: 'pending', decision: null, createdAt: at, updatedAt: at, version: existing.version + 1 } });
      return existing.status !== 'pending';
    }
  } else if (existing?.status === 'pending') {
    await tx.update('evaluationReviews', e.id, { set: { status: 'withdrawn', updatedAt: at, version: existing.version + 1 } });
  }
  return false;
}

/** What the managing unit's admins are told when an evaluation enters their review queue (found before the transaction). */
export async function reviewMessages(deps: Deps, e: Pick<EvaluationDoc, 'unitPath'>, collectiveName: string): Promise<Message[]> {
  return (await adminsFor(deps, e.unitPath)).map((admin) => ({
    recipient: { kind: 'account', accountId: admin.id },
    topic: 'evaluationHeld',
    title: '待审核评价',
    body: `「${collectiveName}」有一条评价待审核：计入或不计入。`,
    page: 'admin/evaluation/reviews',
  }));
}

/**
 * The outbox's step for an evaluation that entered its review queue inside a transaction that could not look
 * its admins up first (a WeChat verdict's, photo-verdict.ts): they are told now. A repeated step tells them again.
 */
export async function tellEvaluationReviewers(deps: Deps, work: Extract<OutboxWork, { kind: 'tellEvaluationReviewers' }>) {
  const evaluation = await deps.store.get<EvaluationDoc>('evaluations', work.evaluationId);
  const collective = evaluation ? await deps.store.get<CollectiveDoc>('collectives', evaluation.collectiveId) : null;
  if (evaluation && collective) {
    for (const message of await reviewMessages(deps, evaluation, collective.name)) await deps.notifier.send(message);
  }
  return { next: null, spawned: [] };
}

/** As the managing unit's admins decide it: the comment whatever its state, the photos they decide, never its writer. */
export async function evaluationReviewView(store: Store, r: EvaluationReviewDoc): Promise<EvaluationReviewView | null> {
  const [evaluation, collective, unit] = await Promise.all([
    store.get<EvaluationDoc>('evaluations', r.id),
    store.get<CollectiveDoc>('collectives', r.collectiveId),
    store.get<UnitDoc>('units', pathIds(r.unitPath).at(-1) ?? ''),
  ]);
  if (!evaluation || !collective) return null;
  return {
    id: r.id,
    evaluation: { ...evaluationView(evaluation), comment: evaluation.comment },
    collective: { code: await publicCodeOf(store, collective.id), name: collective.name },
    unitName: unit?.name ?? '',
    held: r.held,
    commentInReview: r.commentInReview,
    photosInReview: r.photosInReview ?? false,
    reviewPhotos: unsentPhotos(evaluation).map((p) => p.url),
    status: r.status,
    decision: r.decision ? { outcome: r.decision.outcome, outcomeLabel: REVIEW_OUTCOME_LABELS[r.decision.outcome], reason: r.decision.reason, byName: r.decision.byName, at: r.decision.at } : null,
    createdAt: r.createdAt,
  };
}

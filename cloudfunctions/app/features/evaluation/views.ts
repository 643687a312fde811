import type { EvaluationView, MyEvaluationView } from '../../../../shared/contract/evaluation-views';
import { HANDLING_RATING_LABELS, isNegative, RATING_LABELS, REPLY_KIND_LABELS } from '../../../../shared/domain/evaluation/rules';
import type { EvaluationCaseDoc, EvaluationDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import type { EventDoc } from '../../collections/openweek';
import type { Store } from '../../ports/store';
import { publicCodeOf } from './pages';
import { shownPhotos } from './photos';
import type { Deps } from '../../context';

/** As the public and the collective see it: no evaluator, and the comment only once it passed content security. */
export function evaluationView(e: EvaluationDoc): EvaluationView {
  return {
    id: e.id,
    rating: e.rating,
    ratingLabel: RATING_LABELS[e.rating],
    tags: e.tags,
    comment: e.commentShown ? e.comment : null,
    photos: shownPhotos(e),
    channel: e.channel,
    source: e.source,
    changed: e.changedAt !== null,
    excluded: e.excluded ? { reason: e.excluded.reason } : null,
    at: e.updatedAt,
  };
}

/** The collective's answer to a 差评, as its evaluator and the collective read it. */
export const replyView = (c: Pick<EvaluationCaseDoc, 'reply' | 'handlingRating'> | null) =>
  c?.reply
    ? { ...c.reply, kindLabel: REPLY_KIND_LABELS[c.reply.kind], handling: c.handlingRating ? { rating: c.handlingRating, label: HANDLING_RATING_LABELS[c.handlingRating] } : null }
    : null;

/** As the evaluator sees their own: their comment whatever its state, and the collective's answer to a 差评. */
export function myEvaluationView(e: EvaluationDoc, collective: { code: string; name: string }, eventTitle: string | null, followUp: EvaluationCaseDoc | null = null): MyEvaluationView {
  return {
    ...evaluationView(e),
    comment: e.comment,
    commentState: e.commentState,
    myPhotos: (e.photos ?? []).map(({ url, state }) => ({ url, state })),
    held: e.held,
    collective,
    eventTitle,
    month: e.month,
    reply: replyView(followUp),
  };
}

/**
 * The evaluator's own evaluations with the collective's name and code and the event's title, each looked
 * up once per page, and a 差评's answer.
 */
export async function myEvaluationViews(deps: Deps, evaluations: EvaluationDoc[]): Promise<MyEvaluationView[]> {
  const collectives = new Map<string, { code: string; name: string } | null>();
  const events = new Map<string, string | null>();
  const store: Store = deps.store;
  const views: MyEvaluationView[] = [];
  for (const e of evaluations) {
    if (!collectives.has(e.collectiveId)) {
      const collective = await store.get<CollectiveDoc>('collectives', e.collectiveId);
      collectives.set(e.collectiveId, collective ? { code: await publicCodeOf(deps.store, collective.id), name: collective.name } : null);
    }
    if (e.eventId && !events.has(e.eventId)) events.set(e.eventId, (await store.get<EventDoc>('events', e.eventId))?.title ?? null);
    const collective = collectives.get(e.collectiveId);
    const followUp = isNegative(e.rating) ? await store.get<EvaluationCaseDoc>('evaluationCases', e.id) : null;
    if (collective) views.push(myEvaluationView(e, collective, e.eventId ? (events.get(e.eventId) ?? null) : null, followUp));
  }
  return views;
}

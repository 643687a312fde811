import type { EvaluationView, MyEvaluationView } from '../../../../shared/contract/evaluation-views';
import { RATING_LABELS } from '../../../../shared/domain/evaluation/rules';
import type { EvaluationDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import type { EventDoc } from '../../collections/openweek';
import type { Store } from '../../ports/store';
import { ensurePage } from './pages';
import type { Deps } from '../../context';

/** As the public and the collective see it: no evaluator, and the comment only once it passed content security. */
export function evaluationView(e: EvaluationDoc): EvaluationView {
  return {
    id: e.id,
    rating: e.rating,
    ratingLabel: RATING_LABELS[e.rating],
    tags: e.tags,
    comment: e.commentShown ? e.comment : null,
    channel: e.channel,
    source: e.source,
    changed: e.changedAt !== null,
    at: e.updatedAt,
  };
}

/** As the evaluator sees their own: their comment whatever its state. */
export function myEvaluationView(e: EvaluationDoc, collective: { code: string; name: string }, eventTitle: string | null): MyEvaluationView {
  return { ...evaluationView(e), comment: e.comment, commentState: e.commentState, held: e.held, collective, eventTitle, month: e.month };
}

/**
 * The evaluator's own evaluations with the collective's name and code and the event's title, each looked
 * up once per page.
 */
export async function myEvaluationViews(deps: Deps, evaluations: EvaluationDoc[]): Promise<MyEvaluationView[]> {
  const collectives = new Map<string, { code: string; name: string } | null>();
  const events = new Map<string, string | null>();
  const store: Store = deps.store;
  const views: MyEvaluationView[] = [];
  for (const e of evaluations) {
    if (!collectives.has(e.collectiveId)) {
      const collective = await store.get<CollectiveDoc>('collectives', e.collectiveId);
      collectives.set(e.collectiveId, collective ? { code: (await ensurePage(deps, collective)).code, name: collective.name } : null);
    }
    if (e.eventId && !events.has(e.eventId)) events.set(e.eventId, (await store.get<EventDoc>('events', e.eventId))?.title ?? null);
    const collective = collectives.get(e.collectiveId);
    if (collective) views.push(myEvaluationView(e, collective, e.eventId ? (events.get(e.eventId) ?? null) : null));
  }
  return views;
}

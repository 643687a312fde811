import type { AppealView } from '../../../../shared/contract/evaluation-views';
import { APPEAL_GROUND_LABELS } from '../../../../shared/domain/evaluation/rules';
import type { EvaluationAppealDoc, EvaluationDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import type { Deps } from '../../context';
import { publicCodeOf } from './pages';
import { evaluationView } from './views';

/** An appeal with its evaluation (no evaluator) and collective; null when either is gone. */
export async function appealView(deps: Deps, a: EvaluationAppealDoc): Promise<AppealView | null> {
  const evaluation = await deps.store.get<EvaluationDoc>('evaluations', a.id);
  const collective = await deps.store.get<CollectiveDoc>('collectives', a.collectiveId);
  if (!evaluation || !collective) return null;
  return {
    id: a.id,
    evaluation: evaluationView(evaluation),
    collective: { code: await publicCodeOf(deps.store, collective.id), name: collective.name },
    ground: a.ground,
    groundLabel: APPEAL_GROUND_LABELS[a.ground],
    reasons: a.reasons,
    status: a.status,
    decision: a.decision ? { byName: a.decision.byName, comment: a.decision.comment, at: a.decision.at } : null,
    createdAt: a.createdAt,
  };
}

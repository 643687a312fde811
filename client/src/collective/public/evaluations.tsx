import { AppealForm } from '../../components/AppealForm';
import { LoadMore } from '../../components/LoadMore';
import { EvaluationCard, SummaryCard } from '../../components/PublicFace';
import { Screen } from '../../components/Screen';
import { usePagedList } from '../../hooks/usePagedList';
import { collectiveEvaluations } from '../../services';
import '../../components/openweek.css';
import '../../components/evaluation.css';

/** What the public said of this collective, newest first, with its figures; never who said it. */
export default function CollectiveEvaluations() {
  const list = usePagedList((cursor) => collectiveEvaluations({ cursor }), 'own');
  return (
    <Screen title="收到的评价" className="collective-evaluations">
      {list.first ? <SummaryCard summary={list.first.summary} /> : null}
      {list.items.map((e) => (
        <EvaluationCard key={e.id} evaluation={e}>
          {e.excluded ? null : <AppealForm evaluationId={e.id} />}
        </EvaluationCard>
      ))}
      <LoadMore list={list} empty="还没有收到评价" />
    </Screen>
  );
}

import { AppealList } from '../../components/AppealList';
import { Screen } from '../../components/Screen';
import '../../components/openweek.css';
import '../../components/evaluation.css';

/** The collective's appeals and how they were decided; new ones are made under 收到的评价. */
export default function CollectiveAppeals() {
  return (
    <Screen title="申诉" className="collective-appeals">
      <AppealList />
    </Screen>
  );
}

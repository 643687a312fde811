import { Text, View } from '@tarojs/components';
import { ADMINS } from '../../../../shared/domain/roles';
import { chinaDate } from '../../../../shared/domain/working-days';
import { LoadMore } from '../../components/LoadMore';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { EscalationSubscribe } from '../../components/EscalationSubscribe';
import { EvaluationCard } from '../../components/PublicFace';
import { Tappable } from '../../components/Tappable';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { chinaTime } from '../../openweek-format';
import { escalatedCases } from '../../services';
import { go, ROUTES } from '../../routes';
import '../../components/openweek.css';
import '../../components/evaluation.css';

/** The managing unit's queue: 差评 of its collectives not answered in time, or whose handling the evaluator rated 不满意. */
export default function EscalatedCases() {
  const guard = useSignedIn({ audiences: ADMINS });
  const list = usePagedList((cursor) => escalatedCases({ cursor }), 'escalated', guard.state === 'ready');
  return (
    <GuardedScreen guard={guard} title="转来的差评" className="escalated-cases" denied={ADMIN_ONLY}>
      <EscalationSubscribe />
      {list.items.map((item) => (
        <View key={item.id} className="case-card escalated-case">
          <View className="case-card__due">
            <Tappable className="link escalated-collective" onTap={() => go(ROUTES.collective, { code: item.collective.code })}>
              {item.collective.name}
            </Tappable>
          </View>
          <View className="case-card__due escalation-reason">
            <Text className="case-overdue">{item.escalationLabel}</Text> · 转来于 {chinaTime(item.escalatedAt)} · 答复期限 {chinaDate(new Date(Date.parse(item.dueAt) - 1))}
          </View>
          <EvaluationCard evaluation={item.evaluation} />
          {item.reply ? (
            <View className="case-reply">
              集体答复（{item.reply.kindLabel}）：{item.reply.text}
              {item.reply.handling ? `\n评价人对处理结果：${item.reply.handling.label}` : ''}
            </View>
          ) : (
            <View className="case-reply">集体尚未答复</View>
          )}
        </View>
      ))}
      <LoadMore list={list} empty="没有转来的差评" />
    </GuardedScreen>
  );
}

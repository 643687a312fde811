import { View } from '@tarojs/components';
import { LoadMore } from '../components/LoadMore';
import { EvaluationCard } from '../components/PublicFace';
import { Screen } from '../components/Screen';
import { Tappable } from '../components/Tappable';
import { usePagedList } from '../hooks/usePagedList';
import { myEvaluations } from '../services';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';
import '../components/evaluation.css';

const STATE_NOTES = { shown: '评价内容已公开', review: '评价内容审核中，通过后公开', none: '' } as const;

/** The visitor's own evaluations, newest first: each with its collective, and what became of its comment. */
export default function MyEvaluations() {
  const list = usePagedList((cursor) => myEvaluations(cursor), 'mine');
  return (
    <Screen title="我的评价" className="my-evaluations">
      {list.items.map((e) => (
        <View key={e.id} onClick={() => go(ROUTES.collective, { code: e.collective.code })}>
          <EvaluationCard
            evaluation={e}
            heading={e.eventTitle ? `${e.collective.name} · ${e.eventTitle}` : e.collective.name}
            footnote={e.held ? '待管理单位审核，暂不计入满意率' : STATE_NOTES[e.commentState] || undefined}
          />
          {e.reply ? (
            <View className="case-reply evaluation-reply">
              集体答复（{e.reply.kindLabel}）：{e.reply.text}
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore list={list} empty="还没有评价过" />
      {!list.loading && !list.error && list.items.length === 0 ? (
        <View className="links">
          <Tappable className="link link-my-signups" onTap={() => go(ROUTES.mySignups)}>
            参加开放周活动并签到后，可在「报名」中评价
          </Tappable>
        </View>
      ) : null}
    </Screen>
  );
}

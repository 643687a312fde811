import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MyEvaluationView } from '../../../shared/contract/evaluation-views';
import { HANDLING_RATING_LABELS, HANDLING_RATINGS, type HandlingRating } from '../../../shared/domain/evaluation/rules';
import { Notice } from '../components/Notice';
import { LoadMore } from '../components/LoadMore';
import { EvaluationCard } from '../components/PublicFace';
import { Screen } from '../components/Screen';
import { Tappable } from '../components/Tappable';
import { usePagedList } from '../hooks/usePagedList';
import { myEvaluations, rateHandling } from '../services';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';
import '../components/evaluation.css';

/** The collective's answer to the visitor's 差评, and their one rating of how it was handled. */
function ReplyToMine({ evaluation, onRated }: { evaluation: MyEvaluationView; onRated: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const reply = evaluation.reply!;
  const rate = async (rating: HandlingRating) => {
    const result = await rateHandling({ evaluationId: evaluation.id, rating });
    if (result.ok) onRated();
    else setError(result.error.message);
  };
  return (
    <View className="case-reply">
      <View className="evaluation-reply">
        集体答复（{reply.kindLabel}）：{reply.text}
      </View>
      {reply.handling ? (
        <View className="handling-rated">你对处理结果的评价：{reply.handling.label}</View>
      ) : (
        <View className="handling-choices">
          <Text className="handling-choices__label">对处理结果：</Text>
          {HANDLING_RATINGS.map((rating) => (
            <Tappable key={rating} className={`tag-choice handling-choice handling-choice--${rating}`} onTap={() => void rate(rating)}>
              {HANDLING_RATING_LABELS[rating]}
            </Tappable>
          ))}
        </View>
      )}
      <Notice>{error}</Notice>
    </View>
  );
}

const STATE_NOTES = { shown: '评价内容已公开', review: '评价内容审核中，通过后公开', hidden: '评价内容经管理单位审核不公开', none: '' } as const;

/** The visitor's own evaluations, newest first: each with its collective, and what became of its comment. */
/** What became of the evaluator's photos: those under review or refused are shown to nobody else. */
function photoNote(e: MyEvaluationView): string {
  const review = e.myPhotos.filter((p) => p.state === 'review').length;
  const removed = e.myPhotos.filter((p) => p.state === 'removed').length;
  return [review ? `${review} 张照片审核中，通过后公开显示` : '', removed ? `${removed} 张照片未通过内容安全检查，不会显示` : ''].filter(Boolean).join('；');
}

export default function MyEvaluations() {
  const list = usePagedList((cursor) => myEvaluations({ cursor }), 'mine');
  return (
    <Screen title="我的评价" className="my-evaluations">
      {list.items.map((e) => (
        <View key={e.id}>
          <View onClick={() => go(ROUTES.collective, { code: e.collective.code })}>
            <EvaluationCard
              evaluation={e}
              heading={e.eventTitle ? `${e.collective.name} · ${e.eventTitle}` : e.collective.name}
              footnote={e.held && !e.excluded ? '待管理单位审核，暂不计入满意率' : STATE_NOTES[e.commentState] || undefined}
            />
          </View>
          {photoNote(e) ? <View className="my-photos-note">{photoNote(e)}</View> : null}
          {e.reply ? <ReplyToMine evaluation={e} onRated={list.reload} /> : null}
        </View>
      ))}
      <LoadMore list={list} empty="还没有评价过" />
      <View className="links">
        <Tappable className="link link-my-complaints" onTap={() => go(ROUTES.myComplaints)}>
          我的投诉及管理单位的答复
        </Tappable>
      </View>
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

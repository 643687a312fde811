import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ADMINS } from '../../../../shared/domain/roles';
import { DecideRequest } from '../../components/DecideRequest';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { EvaluationCard, EvaluationPhotos } from '../../components/PublicFace';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { StatusTabs } from '../../components/StatusTabs';
import { Tappable } from '../../components/Tappable';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { chinaTime } from '../../openweek-format';
import { decideEvaluationReview, evaluationReviews } from '../../services';
import { go, ROUTES } from '../../routes';
import '../../components/openweek.css';
import '../../components/evaluation.css';

const TABS = [
  ['pending', '待审核'],
  ['decided', '已审核'],
] as const;

/**
 * The managing unit's review queue: evaluations of risky raters (held, not counted), comments content
 * security left for review and photos no check will decide. 计入 counts the evaluation and shows its comment and
 * those photos; 不计入 needs a reason.
 */
export default function EvaluationReviews() {
  const guard = useSignedIn({ audiences: ADMINS });
  const [status, setStatus] = useState<'pending' | 'decided'>('pending');
  const list = usePagedList((cursor) => evaluationReviews({ status, cursor }), `reviews-${status}`, guard.state === 'ready');
  return (
    <GuardedScreen guard={guard} title="待审核评价" className="evaluation-reviews" denied={ADMIN_ONLY}>
      <StatusTabs tabs={TABS} value={status} onChange={setStatus} />
      <Notice tone="info">高风险评价人的评价、内容安全待审核的评价内容和照片在此审核。计入：计入满意率并公开评价内容和照片；不计入须写明原因，评价人可见。评价人身份不显示。</Notice>
      {list.items.map((r) => (
        <View key={r.id} className="case-card evaluation-review">
          <View className="case-card__due">
            <Tappable className="link review-collective" onTap={() => go(ROUTES.collective, { code: r.collective.code })}>
              {r.collective.name}
            </Tappable>
            （{r.unitName}）
          </View>
          <View className="case-card__due review-why">
            <Text className="case-overdue">
              {[r.held ? '高风险评价人，暂不计入' : '', r.commentInReview ? '评价内容待审核' : '', r.photosInReview ? '照片待人工审核' : ''].filter(Boolean).join(' · ')}
            </Text>{' '}
            · {chinaTime(r.createdAt)}
          </View>
          <EvaluationCard evaluation={r.evaluation}>
            {r.reviewPhotos.length ? (
              <View className="review-photos">
                <View className="evaluation-card__meta">待人工审核的照片（计入后公开，不计入则不公开）：</View>
                <EvaluationPhotos urls={r.reviewPhotos} label="待审核照片" />
              </View>
            ) : null}
          </EvaluationCard>
          {r.decision ? (
            <View className="case-reply review-decision">
              {r.decision.outcomeLabel}{r.decision.reason ? `：${r.decision.reason}` : ''}（{r.decision.byName}，{chinaTime(r.decision.at)}）
            </View>
          ) : r.status === 'pending' ? (
            <DecideRequest
              label="不计入原因"
              maxLength={200}
              approveLabel="计入"
              rejectLabel="不计入"
              approveClass="btn-count-review"
              rejectClass="btn-exclude-review"
              className="review-decide"
              decide={(count, reason) => decideEvaluationReview({ evaluationId: r.id, count, ...(reason.trim() ? { reason } : {}) })}
              onDone={list.reload}
            />
          ) : null}
        </View>
      ))}
      <LoadMore list={list} empty={status === 'pending' ? '没有待审核的评价' : '没有已审核的评价'} />
    </GuardedScreen>
  );
}

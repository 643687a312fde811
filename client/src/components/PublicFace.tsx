import { useState, type PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { EvaluationSummaryView, EvaluationView, PublicPageView } from '../../../shared/contract/evaluation-views';
import { CHANNEL_LABELS, formatRate } from '../../../shared/domain/evaluation/rules';
import { chinaTime } from '../openweek-format';
import { Section } from './Screen';
import { Tappable } from './Tappable';
import { Picture } from './Picture';
import './evaluation.css';

/**
 * The 三亮 page's parts (亮身份、亮形象、亮承诺 and the public's verdict), used by the collective's public
 * page; `EvaluationCard` also by "my evaluations" and the collective's own list.
 */

/** The 创建标识: only a 创建集体 shows it. */
export function CreationMark({ mark }: { mark: PublicPageView['mark'] }) {
  if (!mark) return null;
  return (
    <View className="creation-mark">
      <View className="creation-mark__badge">青年文明号 · {mark.statusLabel}</View>
      <View className="creation-mark__detail">{mark.campaignName}（{mark.levelLabel}，{mark.term}）</View>
    </View>
  );
}

/** 满意率 in large figures, how it is computed, the counts per level, and 网页评价 apart. */
export function SummaryCard({ summary, onEvaluate }: { summary: EvaluationSummaryView; onEvaluate?: () => void }) {
  const largest = Math.max(1, ...summary.levels.map((l) => l.count));
  return (
    <Section title="社会评价" className="evaluation-summary">
      <View className="evaluation-summary__head">
        <View className="evaluation-summary__rate">
          <View className="satisfaction-rate">{formatRate(summary.satisfactionRate)}</View>
          <View className="evaluation-summary__caption">满意率 · {summary.counted} 条微信评价</View>
        </View>
        {onEvaluate ? (
          <Button className="btn-evaluate" type="primary" onClick={onEvaluate}>
            评价
          </Button>
        ) : null}
      </View>
      <View className="evaluation-levels">
        {summary.levels.map((level) => (
          <View key={level.rating} className={`evaluation-level evaluation-level--${level.rating}`}>
            <Text className="evaluation-level__label">{level.label}</Text>
            <View className="evaluation-level__bar">
              <View className="evaluation-level__fill" style={{ width: `${(level.count / largest) * 100}%` }} />
            </View>
            <Text className="evaluation-level__count">{level.count}</Text>
          </View>
        ))}
      </View>
      <View className="evaluation-summary__note rate-rule">{summary.rule}</View>
      {summary.followUp.cases ? (
        <View className="evaluation-summary__note follow-up-share">
          差评按期答复 {summary.followUp.answeredOnTime}/{summary.followUp.cases}
        </View>
      ) : null}
      <View className="evaluation-summary__note web-evaluations">
        网页评价 {summary.web.count} 条{summary.web.count ? `（差评 ${summary.web.levels.filter((l) => l.rating <= 2).reduce((s, l) => s + l.count, 0)} 条）` : ''}
      </View>
      {summary.supervision.count ? (
        <View className="evaluation-summary__note supervision-evaluations">
          监督查评 {summary.supervision.count} 条（差评 {summary.supervision.levels.filter((l) => l.rating <= 2).reduce((s, l) => s + l.count, 0)} 条）：社会监督员明察暗访、经管理单位转发，单独列出，不计入满意率
        </View>
      ) : null}
    </Section>
  );
}

/** 亮承诺 and 亮形象: what the collective promises, where it serves and when. */
export function PledgeSection({ page }: { page: Pick<PublicPageView, 'commitment' | 'address' | 'serviceHours'> }) {
  return (
    <Section title="公开承诺" className="pledge">
      <View className="pledge__text public-commitment">{page.commitment ?? '该集体尚未发布公开承诺'}</View>
      {page.address ? <View className="pledge__row public-address">服务地址：{page.address}</View> : null}
      {page.serviceHours ? <View className="pledge__row public-hours">服务时间：{page.serviceHours}</View> : null}
    </Section>
  );
}

/** 投诉渠道: the managing unit's published phone and e-mail. */
export function ComplaintSection({ complaint, onComplain }: { complaint: PublicPageView['complaint']; onComplain?: () => void }) {
  return (
    <Section title="投诉渠道" className="complaint-channel">
      {onComplain ? (
        <Tappable className="link link-complain" onTap={onComplain}>
          我要投诉（由管理单位核实答复）
        </Tappable>
      ) : null}
      {complaint ? (
        <View className="pledge__text">
          <View>受理单位：{complaint.unitName}</View>
          {complaint.phone ? <View className="complaint-phone">电话：{complaint.phone}</View> : null}
          {complaint.email ? <View className="complaint-email">邮箱：{complaint.email}</View> : null}
        </View>
      ) : (
        <View className="pledge__text pledge__text--empty">管理单位尚未公布投诉渠道</View>
      )}
    </Section>
  );
}

/** Photos of an evaluation in a row of tiles; `label` names each for screen readers (评价照片1, …). */
export function EvaluationPhotos({ urls, label }: { urls: string[]; label: string }) {
  return (
    <View className="evaluation-card__photos">
      {urls.map((url, i) => (
        <Picture key={url} className="evaluation-photo" src={url} alt={`${label}${i + 1}`} mode="aspectFill" />
      ))}
    </View>
  );
}

/** One evaluation: its level, aspects, channel, whether it was changed, and its comment folded to three lines. */
export function EvaluationCard({ evaluation, heading, footnote, children }: PropsWithChildren<{ evaluation: EvaluationView; heading?: string; footnote?: string }>) {
  const [open, setOpen] = useState(false);
  const long = (evaluation.comment?.length ?? 0) > 60;
  return (
    <View className={`evaluation-card evaluation-card--${evaluation.rating <= 2 ? 'negative' : 'positive'}`}>
      {heading ? <View className="evaluation-card__heading">{heading}</View> : null}
      <View className="evaluation-card__top">
        <Text className={`evaluation-card__rating rating-${evaluation.rating}`}>{evaluation.ratingLabel}</Text>
        <Text className="evaluation-card__meta">
          {CHANNEL_LABELS[evaluation.channel]}
          {evaluation.source === 'h5' ? ' · 网页评价' : ''}
          {evaluation.changed ? ' · 已修改' : ''}
        </Text>
      </View>
      {evaluation.tags.length ? (
        <View className="evaluation-card__tags">
          {evaluation.tags.map((tag) => (
            <Text key={tag} className="evaluation-tag">{tag}</Text>
          ))}
        </View>
      ) : null}
      {evaluation.comment ? (
        <View className={`evaluation-card__comment evaluation-comment ${long && !open ? 'evaluation-card__comment--folded' : ''}`}>{evaluation.comment}</View>
      ) : null}
      {evaluation.photos.length ? <EvaluationPhotos urls={evaluation.photos} label="评价照片" /> : null}
      {long ? (
        <Tappable className="link evaluation-card__toggle" onTap={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </Tappable>
      ) : null}
      {evaluation.excluded ? <View className="evaluation-card__excluded evaluation-excluded">不计入 · {evaluation.excluded.reason}</View> : null}
      <View className="evaluation-card__foot">
        {chinaTime(evaluation.at)}
        {footnote ? ` · ${footnote}` : ''}
      </View>
      {children}
    </View>
  );
}

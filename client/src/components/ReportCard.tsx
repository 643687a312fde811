import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import type { ReportView } from '../../../shared/contract/evaluation-supervision';
import { chinaTime } from '../openweek-format';
import { Picture } from './Picture';
import './creationlog.css';
import './photo-field.css';
import './evaluation.css';
import './supervision.css';

/**
 * One 明察暗访 report: the collective, the visit, the level and tags, what was seen, the photos, and the
 * managing unit's decision. The supervisor's list and the unit's queue both show it; `children` adds what
 * only one of them has (the unit's decision form).
 */
export function ReportCard({ report, heading, children }: PropsWithChildren<{ report: ReportView; heading?: string }>) {
  return (
    <View className={`case-card report-card report-card--${report.status}`}>
      <View className="evaluation-card__heading report-card__collective">{report.collective.name}</View>
      {heading ? <View className="case-card__due report-card__heading">{heading}</View> : null}
      <View className="case-card__due">
        查访 {report.visitDate} · {report.ratingLabel}
        {report.tags.length ? ` · ${report.tags.join('、')}` : ''}
      </View>
      <View className="complaint-text report-card__text">{report.text}</View>
      {report.photos.length ? (
        <View className="cl-images">
          {report.photos.map((url, i) => (
            <View key={url} className="cl-image report-card__photo">
              <Picture src={url} alt={`照片${i + 1}`} mode="aspectFill" />
            </View>
          ))}
        </View>
      ) : null}
      <View className="case-card__due report-card__status">
        {report.statusLabel} · 提交于 {chinaTime(report.createdAt)}
      </View>
      {report.decision?.note ? <View className="case-reply report-card__note">转发说明：{report.decision.note}</View> : null}
      {report.decision?.reason ? <View className="case-reply report-card__reason">不转发理由：{report.decision.reason}</View> : null}
      {children}
    </View>
  );
}

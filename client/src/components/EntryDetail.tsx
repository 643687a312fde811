import { Video, View } from '@tarojs/components';
import type { EntryView } from '../../../shared/contract/creationlog-views';
import { categoryLabel, videoFacts } from '../creationlog-format';
import { formatTime } from '../format';
import { Picture } from './Picture';
import { Section } from './Screen';
import './creationlog.css';
import './photo-field.css';

/** A whole entry — its text, images, links — and the guidance on it, as the collective and its admins read it. */
export function EntryDetail({ entry }: { entry: EntryView }) {
  return (
    <View className="entry-detail">
      <Section className="cl-entry-body">
        <View className="cl-detail__title entry-title">{entry.title || '（未填标题）'}</View>
        <View className="cl-card__meta cl-detail__meta entry-meta">
          {entry.collectiveName} · {categoryLabel(entry)}
          {entry.workDate ? ` · 工作日期 ${entry.workDate}` : ''}
        </View>
        <View className="cl-card__meta cl-detail__meta entry-status">
          {entry.submittedAt ? `已提交 ${formatTime(entry.submittedAt)}` : `草稿（仅本集体可见） · 修改于 ${formatTime(entry.updatedAt)}`}
        </View>
        {entry.eventTitle ? <View className="cl-card__meta cl-detail__meta entry-event">关联开放周活动：{entry.eventTitle}</View> : null}
        {entry.correctsTitle ? <View className="cl-card__meta cl-detail__meta entry-corrects">更正：{entry.correctsTitle}</View> : null}
        <View className="cl-text entry-text">{entry.text || '（未填内容）'}</View>
        {entry.images.length ? (
          <View className="cl-images cl-detail__images">
            {entry.images.map((url, i) => (
              <View key={url} className="cl-image entry-image">
                <Picture src={url} alt={`图片${i + 1}`} mode="aspectFill" />
              </View>
            ))}
          </View>
        ) : null}
        {entry.video ? (
          <View className="cl-video entry-video">
            <View className="cl-video__box">
              <Video className="cl-video__player" src={entry.video.url} controls objectFit="contain" />
            </View>
            <View className="cl-card__meta cl-detail__meta entry-video-status">
              视频 {videoFacts(entry.video)} · {entry.video.approvedByUnitName !== null ? `已由${entry.video.approvedByUnitName}审核通过` : '待管理员审核，通过前不公开'}
            </View>
          </View>
        ) : null}
      </Section>
      {entry.status === 'submitted' ? (
        <Section title="指导意见" className="cl-guidance-list">
          {entry.guidance.map((g) => (
            <View key={g.id} className="cl-guidance guidance">
              <View className="cl-guidance__who guidance-who">
                {g.authorUnitName} · {g.authorRole} · {formatTime(g.at)}
              </View>
              <View className="cl-guidance__text guidance-text">{g.text}</View>
            </View>
          ))}
          {entry.guidance.length ? null : <View className="list-foot list-end">暂无指导意见</View>}
        </Section>
      ) : null}
    </View>
  );
}

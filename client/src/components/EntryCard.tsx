import { Text, View } from '@tarojs/components';
import type { EntryCardView } from '../../../shared/contract/creationlog-views';
import { categoryLabel } from '../creationlog-format';
import { formatTime } from '../format';
import './creationlog.css';

/**
 * One creation-log entry in a list: the collective's timeline or an admin's feed (`showCollective`), with
 * 未读 for an admin who has not opened it yet.
 */
export function EntryCard({ entry, showCollective = false, onTap }: { entry: EntryCardView; showCollective?: boolean; onTap: () => void }) {
  const when = entry.submittedAt ? `提交于 ${formatTime(entry.submittedAt)}` : `修改于 ${formatTime(entry.updatedAt)}`;
  return (
    <View className={`cl-card entry-card entry-${entry.id}`} onClick={onTap}>
      <View className="cl-card__title">
        {showCollective ? <Text className={entry.unread ? 'cl-unread' : 'cl-read'}>{entry.unread ? '未读' : '已阅'}</Text> : null}
        <Text className="entry-title">{entry.title || '（未填标题）'}</Text>
      </View>
      {showCollective ? <View className="cl-card__meta entry-collective">{entry.collectiveName} · {entry.unitName}</View> : null}
      <View className="cl-card__meta">
        {categoryLabel(entry.category)}
        {entry.workDate ? ` · ${entry.workDate}` : ''} · {when}
        {entry.imageCount ? ` · 图片 ${entry.imageCount}` : ''}
        {entry.videoStatus ? ` · 视频${entry.videoStatus === 'pending' ? '待审核' : ''}` : ''}
        {entry.guidanceCount ? ` · 指导意见 ${entry.guidanceCount}` : ''}
        {entry.correctsId ? ' · 更正' : ''}
      </View>
      {entry.excerpt ? <View className="cl-card__excerpt">{entry.excerpt}</View> : null}
    </View>
  );
}

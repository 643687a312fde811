import { Text, View } from '@tarojs/components';
import type { EntryCardView } from '../../../shared/contract/creationlog-views';
import { categoryLabel } from '../creationlog-format';
import { formatTime } from '../format';
import { Picture } from './Picture';
import './creationlog.css';

/** The most thumbnails a card shows; more are counted on the last one. */
const SHOWN_THUMBNAILS = 4;

/** An entry's thumbnails in a row (the entry page shows the images themselves). */
export function EntryThumbnails({ thumbnails, title }: { thumbnails: string[]; title: string }) {
  if (!thumbnails.length) return null;
  const more = thumbnails.length - SHOWN_THUMBNAILS;
  return (
    <View className="cl-thumbs entry-thumbnails">
      {thumbnails.slice(0, SHOWN_THUMBNAILS).map((url, i) => (
        <View key={url} className="cl-thumb entry-thumbnail">
          <Picture className="cl-thumb__image" src={url} alt={`${title} 图片${i + 1}`} mode="aspectFill" />
          {more > 0 && i === SHOWN_THUMBNAILS - 1 ? <Text className="cl-thumb__more">+{more}</Text> : null}
        </View>
      ))}
    </View>
  );
}

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
        {categoryLabel(entry)}
        {entry.workDate ? ` · ${entry.workDate}` : ''} · {when}
        {entry.videoStatus ? ` · 视频${entry.videoStatus === 'pending' ? '待审核' : ''}` : ''}
        {entry.guidanceCount ? ` · 指导意见 ${entry.guidanceCount}` : ''}
        {entry.correctsId ? ' · 更正' : ''}
      </View>
      {entry.excerpt ? <View className="cl-card__excerpt">{entry.excerpt}</View> : null}
      <EntryThumbnails thumbnails={entry.thumbnails} title={entry.title} />
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import type { AuditView } from '../../../shared/contract';
import { formatTime } from '../format';

/** One management decision: what was done, by whom, when, and why. */
export function AuditRow({ entry }: { entry: AuditView }) {
  return (
    <View className="list-item audit-item">
      <View className="list-item__main">
        <View className="list-item__title audit-item__summary">{entry.summary}</View>
        {entry.reason ? <View className="audit-item__reason">原因：{entry.reason}</View> : null}
        <View className="list-item__meta">
          <Text className="audit-item__time">{formatTime(entry.at)}</Text>
          <Text className="audit-item__actor">　操作人 {entry.actorKind === 'visitor' ? '公众' : (entry.actorName ?? entry.actorCode ?? '系统')}</Text>
        </View>
      </View>
    </View>
  );
}

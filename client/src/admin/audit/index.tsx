import { View } from '@tarojs/components';
import { ADMINS } from '../../../../shared/domain/roles';
import { AuditRow } from '../../components/AuditRow';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Screen } from '../../components/Screen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { listAudit } from '../../services';

/** Every management decision in the caller's scope, newest first. */
export default function Audit() {
  const guard = useSignedIn({ audiences: ADMINS });
  const list = usePagedList((cursor) => listAudit({ cursor }), 'all', guard.state === 'ready');

  if (guard.state === 'unreachable') return <Screen title="操作记录"><Notice>{guard.message}</Notice></Screen>;
  if (guard.state === 'denied') return <Screen title="操作记录"><Notice>当前身份无权访问管理后台</Notice></Screen>;

  return (
    <Screen title="操作记录" className="audit">
      <View className="page-intro">本辖区内的派发、重置、锁定、注销等管理操作，最新的在前。</View>
      <View className="audit-list section">
        {list.items.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
        <LoadMore list={list} empty="暂无操作记录" />
      </View>
    </Screen>
  );
}

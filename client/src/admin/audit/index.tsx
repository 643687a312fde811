import { View } from '@tarojs/components';
import { ADMINS } from '../../../../shared/domain/roles';
import { AuditRow } from '../../components/AuditRow';
import { LoadMore } from '../../components/LoadMore';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { listAudit } from '../../services';

/** Every management decision in the caller's scope, newest first. */
export default function Audit() {
  const guard = useSignedIn({ audiences: ADMINS });
  const list = usePagedList((cursor) => listAudit({ cursor }), 'all', guard.state === 'ready');

  return (
    <GuardedScreen guard={guard} title="操作记录" className="audit" denied={ADMIN_ONLY}>
      <View className="page-intro">本辖区内的派发、重置、锁定、注销等管理操作，最新的在前。</View>
      <View className="audit-list section">
        {list.items.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
        <LoadMore list={list} empty="暂无操作记录" />
      </View>
    </GuardedScreen>
  );
}

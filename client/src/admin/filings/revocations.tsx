import { Text, View } from '@tarojs/components';
import type { RevocationView } from '../../../../shared/contract/filing-views';
import { ADMINS } from '../../../../shared/domain/roles';
import { DecideRequest } from '../../components/DecideRequest';
import { LoadMore } from '../../components/LoadMore';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { decideRevocation, listRevocations } from '../../services';
import { formatTime } from '../../format';
import '../../components/filing-parts.css';
import './filings.css';

const STATUS: Record<RevocationView['status'], string> = { pending: '待审定', approved: '已取消资格', rejected: '已驳回' };

/** Revocation requests of the caller's subtree; the office decides the pending ones. */
export default function Revocations() {
  const guard = useSignedIn({ audiences: ADMINS });
  const list = usePagedList((cursor) => listRevocations({ cursor }), 'all', guard.state === 'ready');
  const { toast, show } = useToast();
  const office = guard.state === 'ready' && guard.account.role === 'office';
  return (
    <GuardedScreen guard={guard} title="取消创建资格" className="revocations" denied={ADMIN_ONLY}>
      {list.items.map((r) => (
        <View key={r.id} className="section revocation-item">
          <View className="section__body section__body--padded">
            <View className="list-item__title">{r.collectiveName}</View>
            <View className="list-item__meta">{r.unitName} · {r.requestedByCode} 申请于 {formatTime(r.requestedAt)} · <Text className={`revocation-status revocation-status--${r.status}`}>{STATUS[r.status]}</Text></View>
            <View className="opinion__comment">理由：{r.reasons}</View>
            {r.comment ? <View className="opinion__comment">审定意见：{r.comment}</View> : null}
            {office && r.status === 'pending' ? (
              <DecideRequest
                className="revocation-decide"
                label="审定意见"
                maxLength={500}
                approveLabel="批准取消"
                approveClass="btn-approve-revocation"
                rejectClass="btn-reject-revocation"
                danger
                decide={(approve, comment) => decideRevocation({ revocationId: r.id, approve, comment })}
                onDone={(approved) => { show(approved ? '已取消创建资格，用户名已注销，并已通知集体' : '已驳回申请', 'success'); list.reload(); }}
              />
            ) : null}
          </View>
        </View>
      ))}
      <LoadMore list={list} empty="暂无取消创建资格申请" />
      {toast}
    </GuardedScreen>
  );
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { TransferRequestView } from '../../../../shared/contract/filing-views';
import { ISSUERS } from '../../../../shared/domain/roles';
import { ChoiceField } from '../../components/ChoiceField';
import { DecideRequest } from '../../components/DecideRequest';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { OneTimePassword } from '../../components/OneTimePassword';
import { GuardedScreen } from '../../components/GuardedScreen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { decideTransfer, issueTransferPassword, listTransferRequests, type CallOutput } from '../../services';
import { formatTime } from '../../format';
import '../../components/filing-parts.css';
import './filings.css';

type Side = 'incoming' | 'outgoing';
const SIDES: Record<Side, string> = { incoming: '转出本辖区（待我方审批）', outgoing: '转入本辖区（我方申请）' };
const STATUS: Record<TransferRequestView['status'], string> = { pending: '待审批', approved: '已批准', rejected: '已驳回' };

/**
 * Cross-branch transfer requests, both sides: the collective's branch approves or rejects those out of
 * it; the receiving side follows its own and, once approved, takes the new code's one-time password.
 */
export default function TransferRequests() {
  const guard = useSignedIn({ audiences: ISSUERS });
  const [side, setSide] = useState<Side>('incoming');
  const list = usePagedList((cursor) => listTransferRequests({ side, cursor }), side, guard.state === 'ready');
  const [issued, setIssued] = useState<CallOutput<'review', 'issueTransferPassword'> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { toast, show } = useToast();

  const issue = async (id: string) => {
    const result = await issueTransferPassword({ requestId: id });
    if (result.ok) {
      setIssued(result.data);
      list.reload();
    } else setNotice(result.error.message);
  };

  return (
    <GuardedScreen guard={guard} title="集体转移申请" className="transfer-requests" denied="只有组委会办公室和一级管理员可以处理转移申请">
      <ChoiceField name="side" label="申请" options={(Object.keys(SIDES) as Side[]).map((s) => ({ value: s, label: SIDES[s] }))} value={side} onChange={(v) => setSide(v as Side)} />
      {issued ? <OneTimePassword account={issued.account} password={issued.oneTimePassword} title="转入集体的新用户名和初始密码" /> : null}
      <Notice>{notice}</Notice>
      {list.items.map((r) => (
        <View key={r.id} className="section transfer-request-item">
          <View className="section__body section__body--padded">
            <View className="list-item__title">{r.collectiveName}{r.fromCode ? `（${r.fromCode}）` : ''}</View>
            <View className="list-item__meta">
              {r.fromUnitName} → {r.toUnitName} · {r.requestedByCode} 申请于 {formatTime(r.requestedAt)} · <Text className={`transfer-status transfer-status--${r.status}`}>{STATUS[r.status]}</Text>
            </View>
            <View className="opinion__comment">原因：{r.reason}</View>
            {r.comment ? <View className="opinion__comment">审批意见：{r.comment}（{r.decidedByCode}）</View> : null}
            {r.newCode ? <View className="opinion__comment">新用户名：{r.newCode}{r.passwordIssued ? '（初始密码已领取）' : ''}</View> : null}
            {r.canDecide ? (
              <DecideRequest
                className="transfer-decide"
                label="审批意见"
                maxLength={200}
                approveLabel="批准转移"
                approveClass="btn-approve-transfer"
                rejectClass="btn-reject-transfer"
                decide={(approve, comment) => decideTransfer({ requestId: r.id, approve, comment })}
                onDone={(approved) => { show(approved ? '已批准：集体已转入接收单位，原用户名已注销' : '已驳回申请', 'success'); list.reload(); }}
              />
            ) : null}
            {r.canIssuePassword ? (
              <View className="form-actions">
                <Button className="btn-issue-transfer-password" type="primary" block onClick={() => void issue(r.id)}>
                  领取新用户名和初始密码（仅显示一次）
                </Button>
              </View>
            ) : null}
          </View>
        </View>
      ))}
      <LoadMore list={list} empty="暂无转移申请" />
      {toast}
    </GuardedScreen>
  );
}

import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { AppealView } from '../../../shared/contract/evaluation-views';
import { usePagedList } from '../hooks/usePagedList';
import { chinaTime } from '../openweek-format';
import { listAppeals } from '../services';
import { LoadMore } from './LoadMore';
import { EvaluationCard } from './PublicFace';
import { StatusTabs } from './StatusTabs';

type Status = 'pending' | 'upheld' | 'rejected';
const TABS: Array<[Status, string]> = [['pending', '待复核'], ['upheld', '成立'], ['rejected', '不成立']];

/**
 * Appeals by status (the caller's own, their branch's, or all), each under its evaluation; `action` adds what the
 * viewer may do. Nothing is asked until `enabled` (a guarded page: once its guard lets the account in).
 */
export function AppealList({ action, enabled = true }: { action?: (appeal: AppealView, reload: () => void) => ReactNode; enabled?: boolean }) {
  const [status, setStatus] = useState<Status>('pending');
  const list = usePagedList((cursor) => listAppeals({ status, cursor }), status, enabled);
  return (
    <View>
      <StatusTabs tabs={TABS} value={status} onChange={setStatus} />
      {list.items.map((a) => (
        <View key={a.id} className="case-card appeal-card">
          <EvaluationCard evaluation={a.evaluation} heading={a.collective.name} />
          <View className="case-reply appeal-reasons">
            申诉（{a.groundLabel}，{chinaTime(a.createdAt)}）：{a.reasons}
            {a.decision ? `\n复核（${a.decision.byName}，${chinaTime(a.decision.at)}）：${a.decision.comment}` : ''}
          </View>
          {action && a.status === 'pending' ? action(a, list.reload) : null}
        </View>
      ))}
      <LoadMore list={list} empty={status === 'pending' ? '没有待复核的申诉' : '暂无'} />
    </View>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { groupByMonth } from '../../../../shared/domain/creationlog/silence';
import { EntryCard } from '../../components/EntryCard';
import { LoadFailed } from '../../components/LoadFailed';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { creationLogOverview, entryDraftFromEvent, listMyEntries, myEvents, type CallOutput } from '../../services';
import { categoryCounts, monthLabel } from '../../creationlog-format';
import { go, ROUTES } from '../../routes';
import '../../components/creationlog.css';

type Overview = CallOutput<'creationlog', 'overview'>;
type FinishedEvent = CallOutput<'openweek', 'myEvents'>['items'][number];

/** 创建日志: the collective's drafts, its submitted entries by month with counts per category, and the 30-day prompt. */
export default function CreationLog() {
  const guard = useSignedIn({ audiences: ['collective'] });
  const ready = guard.state === 'ready';
  const [overview, setOverview] = useState<Overview | null>(null);
  const [overviewError, setOverviewError] = useState<string | null>(null);
  const [finished, setFinished] = useState<FinishedEvent[]>([]);
  const [making, setMaking] = useState<string | null>(null);
  const { toast, show } = useToast();
  const drafts = usePagedList((cursor) => listMyEntries({ status: 'draft', cursor }), 'drafts', ready);
  const submitted = usePagedList((cursor) => listMyEntries({ status: 'submitted', cursor }), 'submitted', ready);

  const loadOverview = () =>
    void creationLogOverview({}).then((r) => {
      if (r.ok) setOverview(r.data);
      else setOverviewError(r.error.message);
    });
  useEffect(() => {
    if (!ready) return;
    loadOverview();
    void myEvents({ limit: 50 }).then((r) => r.ok && setFinished(r.data.items.filter((e) => e.status === 'finished')));
  }, [ready]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) {
      loadOverview();
      drafts.reload();
      submitted.reload();
    }
    shown.current = true;
  });

  const fromEvent = async (eventId: string) => {
    setMaking(eventId);
    const result = await entryDraftFromEvent({ eventId });
    setMaking(null);
    if (result.ok) go(ROUTES.creationLogEdit, { id: result.data.entry.id });
    else show(result.error.message, 'fail');
  };

  const counts = new Map((overview?.months ?? []).map((m) => [m.month, m]));

  return (
    <GuardedScreen guard={guard} title="创建日志" className="creation-log" denied="只有集体帐号有创建日志">
      {overviewError ? <LoadFailed message={overviewError} onRetry={loadOverview} /> : null}
      {overview?.prompt ? (
        <Notice tone="warn" className="cl-prompt">
          {overview.lastSubmittedAt ? `已有 ${overview.silentDays} 天没有提交创建日志。` : '还没有提交过创建日志。'}
          请及时记录岗位建功、志愿服务等创建工作，提交给上级管理单位。
        </Notice>
      ) : null}
      <View className="cl-actions">
        <Button className="btn-new-entry" type="primary" onClick={() => go(ROUTES.creationLogEdit)}>
          新建动态
        </Button>
      </View>

      {finished.length ? (
        <Section title="由开放周活动生成" className="cl-from-events">
          {finished.map((e) => (
            <View key={e.id} className="list-item">
              <View className="list-item__main">
                <View className="list-item__title">{e.title}</View>
                <View className="list-item__meta">活动已结束，总结和照片可直接生成一条动态</View>
              </View>
              <Button className={`btn-from-event btn-from-event-${e.id}`} size="small" loading={making === e.id} onClick={() => void fromEvent(e.id)}>
                生成动态
              </Button>
            </View>
          ))}
        </Section>
      ) : null}

      <Section title="草稿（仅本集体可见）" className="cl-drafts">
        {drafts.items.map((entry) => (
          <EntryCard key={entry.id} entry={entry} onTap={() => go(ROUTES.creationLogEdit, { id: entry.id })} />
        ))}
        <LoadMore list={drafts} empty="没有草稿" />
      </Section>

      <Section title="已提交的创建日志" className="cl-timeline">
        {groupByMonth(submitted.items).map((group) => {
          const month = counts.get(group.month);
          return (
            <View key={group.month} className={`cl-month-group month-${group.month}`}>
              <View className="cl-month">
                {monthLabel(group.month)}
                {month ? <View className="cl-month__counts month-counts">共 {month.total} 条：{categoryCounts(month, overview?.categories ?? [])}</View> : null}
              </View>
              {group.entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} onTap={() => go(ROUTES.creationLogEntry, { id: entry.id })} />
              ))}
            </View>
          );
        })}
        <LoadMore list={submitted} empty="还没有提交的创建日志。写好动态后点“提交创建日志”，上级管理单位即可看到。" />
      </Section>
      {toast}
    </GuardedScreen>
  );
}

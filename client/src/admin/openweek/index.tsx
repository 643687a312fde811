import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { ADMINS } from '../../../../shared/domain/roles';
import { EVENT_TYPES, EVENT_TYPE_LABELS } from '../../../../shared/domain/openweek/event-rules';
import { LoadMore } from '../../components/LoadMore';
import { accessibleName } from '../../components/FormField';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { adminListEvents, hideEvent, openweekStats, type CallOutput } from '../../services';
import { chinaTime, eventStatusLabel, seatsText, typeLabel } from '../../openweek-format';
import '../../components/openweek.css';

type Stats = CallOutput<'openweek', 'stats'>;
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Admins: per-unit open-week counts, the events of their subtree (counts only), and hiding one with a reason. */
export default function AdminOpenweek() {
  const guard = useSignedIn({ audiences: ADMINS });
  const ready = guard.state === 'ready';
  const [stats, setStats] = useState<Stats | null>(null);
  const [hiding, setHiding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { toast, show } = useToast();
  const list = usePagedList((cursor) => adminListEvents({ cursor }), 'events', ready);
  useEffect(() => {
    if (ready) void openweekStats().then((r) => r.ok && setStats(r.data));
  }, [ready]);

  const hide = async (eventId: string) => {
    const result = await hideEvent(eventId, reason);
    if (result.ok) {
      show('已屏蔽', 'success');
      setHiding(null);
      setReason('');
      list.reload();
    } else show(result.error.message, 'fail');
  };

  const active = stats ? stats.rows.filter((r) => r.eventsHeld > 0 || r.signups > 0) : [];
  const quiet = stats ? stats.rows.length - active.length : 0;

  return (
    <GuardedScreen guard={guard} title="开放周监管" className="admin-openweek" denied={ADMIN_ONLY}>
      {stats ? (
        <Section title="开放周统计（已开始的活动）" className="ow-stats">
          {[stats.total, ...active].map((r, i) => (
            <View key={r.unitId} className={`list-item stats-row ${i === 0 ? 'stats-row--total' : ''}`}>
              <View className="list-item__main">
                <View className="list-item__title stats-unit">{i === 0 ? `${r.unitName}（合计）` : r.unitName}</View>
                <View className="list-item__meta stats-figures">
                  活动 {r.eventsHeld} · 报名 {r.signups} · 签到 {r.checkedIn} · 签到率 {percent(r.attendanceRate)}
                </View>
                <View className="list-item__meta">
                  {EVENT_TYPES.filter((t) => r.byType[t] > 0)
                    .map((t) => `${EVENT_TYPE_LABELS[t]} ${r.byType[t]}`)
                    .join(' · ') || '暂无'}
                </View>
              </View>
            </View>
          ))}
          {/* Units with nothing held yet are counted, not listed: a row of zeros per unit buries the ones that act. */}
          {quiet > 0 ? (
            <View className="list-foot stats-quiet">{active.length ? `其余${quiet}个单位暂无已开始的活动` : `辖区内${quiet}个单位暂无已开始的活动`}</View>
          ) : null}
        </Section>
      ) : null}
      <Section title="辖区内的活动" className="ow-admin-events">
        {list.items.map((e) => (
          <View key={e.id} className={`event-card admin-event admin-event-${e.id}`}>
            <Text className="event-card__type">{typeLabel(e.type)}</Text>
            <View className="event-card__title event-title">{e.title}</View>
            <View className="event-card__meta">
              {chinaTime(e.startAt)} · {e.collectiveName} · {eventStatusLabel(e.status)}
            </View>
            <View className="event-card__seats">{seatsText(e)} · 已签到 {e.checkedIn}</View>
            {e.hidden ? (
              <View className="event-card__meta admin-event-hidden">已屏蔽：{e.hiddenReason}</View>
            ) : hiding === e.id ? (
              <View className="hide-form">
                <Input className="field-reason bordered-input" name="reason" value={reason} placeholder="屏蔽原因（将告知主办集体）" maxLength={200} onChange={setReason} {...accessibleName('屏蔽原因')} />
                <View className="ow-row-actions">
                  <Button className="btn-confirm-hide" size="small" type="danger" onClick={() => void hide(e.id)}>
                    确认屏蔽
                  </Button>
                  <Button className="btn-cancel-hide" size="small" onClick={() => setHiding(null)}>
                    不屏蔽
                  </Button>
                </View>
              </View>
            ) : (
              <Button className="btn-hide" size="small" onClick={() => setHiding(e.id)}>
                屏蔽
              </Button>
            )}
          </View>
        ))}
        <LoadMore list={list} empty="辖区内暂无活动" />
      </Section>
      {toast}
    </GuardedScreen>
  );
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CheckInQr } from '../../components/CheckInQr';
import { LoadMore } from '../../components/LoadMore';
import { Screen } from '../../components/Screen';
import { Tappable } from '../../components/Tappable';
import { usePagedList } from '../../hooks/usePagedList';
import { mySignups } from '../../services';
import { chinaTime, signupStatusLabel } from '../../openweek-format';
import { go, ROUTES } from '../../routes';
import '../../components/openweek.css';

/** The visitor's signups, upcoming and past, each with its status; confirmed upcoming ones show the check-in QR. */
export default function MySignups() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const list = usePagedList((cursor) => mySignups({ when, cursor }), when);
  return (
    <Screen title="我的报名" className="my-signups">
      <View className="ow-filters">
        <Text className={`ow-chip tab-upcoming ${when === 'upcoming' ? 'ow-chip--on' : ''}`} onClick={() => setWhen('upcoming')}>
          即将参加
        </Text>
        <Text className={`ow-chip tab-past ${when === 'past' ? 'ow-chip--on' : ''}`} onClick={() => setWhen('past')}>
          已结束
        </Text>
        <Tappable className="ow-chip link-my-evaluations" onTap={() => go(ROUTES.myEvaluations)}>
          我的评价
        </Tappable>
      </View>
      {list.items.map((s) => (
        <View key={s.id} className={`event-card my-signup-card my-signup-card--${s.status}`}>
          <View className="event-card__title event-title" onClick={() => go(ROUTES.event, { id: s.eventId })}>
            {s.eventTitle}
          </View>
          <View className="event-card__meta">{chinaTime(s.eventStartAt)} · {s.eventAddress}</View>
          <View className="event-card__seats my-signup-status">
            {signupStatusLabel(s.status)}
            {s.waitlistPosition ? `（候补第${s.waitlistPosition}位）` : ''}
            {s.checkedInAt ? ' · 已签到' : ''}
            {s.eventStatus === 'cancelled' ? ' · 活动已取消' : ''}
          </View>
          {s.checkInCode && !s.checkedInAt && when === 'upcoming' && s.eventStatus !== 'cancelled' ? <CheckInQr code={s.checkInCode} /> : null}
          {s.checkedInAt ? (
            <Tappable className="link link-evaluate" onTap={() => go(ROUTES.evaluate, { signup: s.id })}>
              评价本次活动
            </Tappable>
          ) : null}
        </View>
      ))}
      <LoadMore list={list} empty={when === 'upcoming' ? '还没有要参加的活动' : '还没有参加过的活动'} />
      {/* An empty list leads to where events are found instead of ending there. */}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <View className="links">
          <Text className="link link-find-events" onClick={() => go(ROUTES.home)}>
            去首页看看近期的开放周活动
          </Text>
        </View>
      ) : null}
    </Screen>
  );
}

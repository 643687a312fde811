import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadMore } from '../components/LoadMore';
import { GuardedScreen } from '../components/GuardedScreen';
import { usePagedList } from '../hooks/usePagedList';
import { useSignedIn } from '../hooks/useSession';
import { myEvents } from '../services';
import { chinaTime, eventStatusLabel, seatsText, typeLabel } from '../openweek-format';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';

/** The collective's open-week events, newest first, and the way to publish a new one. */
export default function CollectiveEvents() {
  const guard = useSignedIn({ audiences: ['collective'] });
  const list = usePagedList((cursor) => myEvents({ cursor }), 'mine', guard.state === 'ready');
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });
  return (
    <GuardedScreen guard={guard} title="开放周活动管理" className="ow-collective" denied="只有集体帐号可以发布开放周活动">
      <View className="form-actions">
        <Button className="btn-new-event" type="primary" block onClick={() => go(ROUTES.owEdit)}>
          新建活动
        </Button>
      </View>
      {list.items.map((e) => (
        <View key={e.id} className={`event-card managed-event managed-event-${e.id}`} onClick={() => go(ROUTES.owManage, { id: e.id })}>
          <Text className="event-card__type">{typeLabel(e.type)}</Text>
          <Text className="event-card__type managed-event-status"> {eventStatusLabel(e.status)}{e.hidden ? '（已屏蔽）' : ''}</Text>
          <View className="event-card__title event-title">{e.title}</View>
          <View className="event-card__meta">{chinaTime(e.startAt)}</View>
          <View className="event-card__seats">{seatsText(e)} · 已签到 {e.checkedIn}</View>
        </View>
      ))}
      <LoadMore list={list} empty="还没有活动" />
    </GuardedScreen>
  );
}

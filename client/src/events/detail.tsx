import { useCallback, useState } from 'react';
import { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { CheckInQr } from '../components/CheckInQr';
import { confirm } from '../components/confirm';
import { LoadFailed } from '../components/LoadFailed';
import { Picture } from '../components/Picture';
import { ShareEvent } from '../components/ShareEvent';
import { Screen, Section } from '../components/Screen';
import { useToast } from '../hooks/useToast';
import { cancelMySignup, getEvent, type CallOutput } from '../services';
import { openMap } from '../services/maps';
import { BUTTON_LABELS, buttonState, chinaTime, eventStatusLabel, seatsText, signupStatusLabel, typeLabel } from '../openweek-format';
import { go, ROUTES, urlOf } from '../routes';
import '../components/openweek.css';

type Loaded = CallOutput<'openweek', 'getEvent'>;

/** The event page: everything about the event, seats left, the signup button by state, and the visitor's own signup. */
export default function EventDetail() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { toast, show } = useToast();

  const load = useCallback(async () => {
    const result = await getEvent(eventId);
    if (result.ok) {
      setData(result.data);
      setError(null);
    } else setError(result.error.message);
  }, [eventId]);
  // Also after coming back from the signup form.
  useDidShow(() => void load());

  // A share card opens this page directly.
  useShareAppMessage(() => ({
    title: data ? `${data.event.title}｜开放周` : '青年文明号开放周',
    path: urlOf(ROUTES.event, { id: eventId }),
  }));

  if (error) return <Screen title="开放周活动" className="event-detail"><LoadFailed message={error} onRetry={() => void load()} /></Screen>;
  if (!data) return <Screen title="开放周活动" className="event-detail"><View className="list-foot list-loading">加载中…</View></Screen>;
  const { event, mySignup } = data;
  const state = buttonState(event);
  const { lat, lng } = event.place;
  const active = mySignup && ['pending', 'confirmed', 'waitlisted'].includes(mySignup.status);

  const cancel = async () => {
    const sure = await confirm({ title: '确认取消报名？', content: '取消后名额将让给其他人，如需参加须重新报名。', confirmText: '取消报名', cancelText: '不取消', danger: true });
    if (!sure) return;
    setCancelling(true);
    const result = await cancelMySignup(event.id);
    setCancelling(false);
    if (result.ok) {
      show('已取消报名', 'success');
      void load();
    } else show(result.error.message, 'fail');
  };

  return (
    <Screen title="开放周活动" className="event-detail">
      {event.coverUrl ? <Picture className="event-cover" src={event.coverUrl} alt={`${event.title}封面`} mode="aspectFill" /> : null}
      <View className="event-card">
        <Text className="event-card__type">{typeLabel(event.type)}</Text>
        <View className="event-card__title event-title">{event.title}</View>
        <View className="event-card__meta event-time">
          {chinaTime(event.startAt)} 至 {chinaTime(event.endAt)}
        </View>
        <View className="event-card__meta event-address">{event.place.address}</View>
        {lat !== null && lng !== null ? (
          <View className="event-card__meta">
            <Text className="event-map-link btn-open-map" onClick={() => openMap({ lat, lng, title: event.title, address: event.place.address })}>
              查看地图
            </Text>
          </View>
        ) : null}
        <View className="event-card__meta">
          主办：
          <Text className="event-detail__collective event-collective" onClick={() => go(ROUTES.collective, { id: event.collectiveId })}>
            {event.collectiveName}
          </Text>
        </View>
        {/* Holding a seat, the visitor's own news is "my signup" below, not a red 名额已满. */}
        <View className={`event-card__seats event-seats ${active ? 'event-card__seats--mine' : ''}`}>{seatsText(event)}</View>
        {event.status !== 'published' ? <View className="event-card__meta event-status">{eventStatusLabel(event.status)}</View> : null}
      </View>
      <Section title="活动介绍">
        <View className="event-detail__desc event-description">{event.description}</View>
      </Section>
      {event.summary ? (
        <Section title="活动总结" className="event-summary-section">
          <View className="event-detail__desc event-summary">{event.summary}</View>
          <View className="ow-row-actions">
            {event.summaryPhotos.map((url) => (
              <Picture key={url} className="summary-photo" src={url} alt="活动现场照片" mode="aspectFill" style={{ width: '200px', height: '200px' }} />
            ))}
          </View>
        </Section>
      ) : null}
      <Section title="报名须知">
        <View className="kv">
          <Text className="kv__key">报名时间</Text>
          <Text className="kv__value">
            {chinaTime(event.signupOpensAt)} 至 {chinaTime(event.signupClosesAt)}
          </Text>
        </View>
        <View className="kv">
          <Text className="kv__key">取消规则</Text>
          <Text className="kv__value">{event.cancelHoursBefore > 0 ? `活动开始前${event.cancelHoursBefore}小时以前可取消` : '活动开始前可取消'}</Text>
        </View>
        <View className="kv">
          <Text className="kv__key">审核</Text>
          <Text className="kv__value">{event.requiresApproval ? '报名需主办方审核' : '报名即确认'}</Text>
        </View>
      </Section>

      {active && mySignup ? (
        <Section title="我的报名" className="my-signup">
          <View className="kv">
            <Text className="kv__key">状态</Text>
            <Text className={`kv__value my-signup-status my-signup-status--${mySignup.status}`}>
              {signupStatusLabel(mySignup.status)}
              {mySignup.waitlistPosition ? `（第${mySignup.waitlistPosition}位）` : ''}
            </Text>
          </View>
          {mySignup.checkInCode ? <CheckInQr code={mySignup.checkInCode} /> : null}
          <View className="form-actions">
            <Button className="btn-cancel-signup" block loading={cancelling} onClick={() => void cancel()}>
              取消报名
            </Button>
          </View>
        </Section>
      ) : (
        <View className="form-actions">
          <Button
            className={`btn-signup btn-signup--${state}`}
            type="primary"
            block
            disabled={state !== 'open' && state !== 'waitlist'}
            onClick={() => go(ROUTES.eventSignup, { id: event.id })}
          >
            {BUTTON_LABELS[state]}
          </Button>
        </View>
      )}
      <View className="form-actions">
        <ShareEvent title={event.title} />
      </View>
      <View className="links">
        <Text className="link link-my-signups" onClick={() => go(ROUTES.mySignups)}>
          我的报名
        </Text>
      </View>
      {toast}
    </Screen>
  );
}

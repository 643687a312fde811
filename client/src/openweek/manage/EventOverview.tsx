import { View } from '@tarojs/components';
import type { ManagedEventView } from '../../../../shared/contract/openweek-views';
import { chinaTime, eventStatusLabel } from '../../openweek-format';

/** The event at a glance: title, time, status (and an admin's hiding), and its live counts. */
export function EventOverview({ event }: { event: ManagedEventView }) {
  return (
    <>
      <View className="event-card">
        <View className="event-card__title event-title">{event.title}</View>
        <View className="event-card__meta">{chinaTime(event.startAt)} 至 {chinaTime(event.endAt)}</View>
        <View className="event-card__meta managed-status">
          {eventStatusLabel(event.status)}
          {event.hidden ? `（已被管理员屏蔽：${event.hiddenReason ?? ''}）` : ''}
        </View>
      </View>
      <View className="section__body ow-counts live-counts">
        <View className="ow-count">
          <View className="ow-count__n count-taken">{event.seatsTaken}/{event.capacity}</View>
          <View className="ow-count__label">已报名/名额</View>
        </View>
        <View className="ow-count">
          <View className="ow-count__n count-waiting">{event.waiting}</View>
          <View className="ow-count__label">候补</View>
        </View>
        <View className="ow-count">
          <View className="ow-count__n count-checked-in">{event.checkedIn}</View>
          <View className="ow-count__label">已签到</View>
        </View>
      </View>
    </>
  );
}

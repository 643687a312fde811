import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ManagedEventView } from '../../../../shared/contract/openweek-views';
import { LoadMore } from '../../components/LoadMore';
import { Section } from '../../components/Screen';
import type { PagedList } from '../../hooks/usePagedList';
import { exportAttendees, reviewSignup, type CallOutput } from '../../services';
import { chinaTime, signupStatusLabel } from '../../openweek-format';
import { useRun, type Feedback } from './feedback';
import type { CheckIn } from './useCheckIn';

export type SignupList = PagedList<CallOutput<'openweek', 'listSignups'>>;

/** Who signed up (seen by the collective only): export, approve or reject a pending signup, check in by row. */
export function Attendees({ event, signups, checkIn, feedback }: { event: ManagedEventView; signups: SignupList; checkIn: CheckIn; feedback: Feedback }) {
  const { run } = useRun(feedback);
  return (
    <Section title="报名名单（仅本集体可见）" className="ow-signups">
      <View className="ow-row-actions">
        <Button className="btn-export" size="small" onClick={() => void run(() => exportAttendees(event.id), '已导出')}>
          导出名单表格
        </Button>
      </View>
      {signups.items.map((s) => (
        <View key={s.id} className={`list-item attendee attendee--${s.status}`}>
          <View className="list-item__main">
            <View className="list-item__title attendee-name">
              {s.name} <Text className="attendee-phone">{s.phone}</Text>
            </View>
            <View className="list-item__meta attendee-status">
              {signupStatusLabel(s.status)}
              {s.waitOrder ? ` · 候补序号${s.waitOrder}` : ''}
              {s.checkedInAt ? ` · 已签到 ${chinaTime(s.checkedInAt)}` : ''}
            </View>
            {s.answer ? (
              <View className="list-item__meta attendee-answer">
                {event.extraQuestion ? `${event.extraQuestion}：` : ''}
                {s.answer}
              </View>
            ) : null}
          </View>
          {event.status === 'published' && s.status === 'confirmed' && !s.checkedInAt ? (
            <View className="list-item__side">
              <Button className="btn-check-in-row" size="small" onClick={() => void checkIn({ signupId: s.id })}>
                签到
              </Button>
            </View>
          ) : null}
          {s.status === 'pending' ? (
            <View className="list-item__side">
              <Button className="btn-approve" size="small" type="primary" onClick={() => void run(() => reviewSignup(s.id, true), '已通过')}>
                通过
              </Button>
              <Button className="btn-reject" size="small" onClick={() => void run(() => reviewSignup(s.id, false), '已拒绝')}>
                拒绝
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore list={signups} empty="还没有人报名" />
    </Section>
  );
}

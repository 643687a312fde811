import { useCallback, useEffect, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ManagedEventView } from '../../../shared/contract/openweek-views';
import { GuardedScreen } from '../components/GuardedScreen';
import { Notice } from '../components/Notice';
import { usePagedList } from '../hooks/usePagedList';
import { useSignedIn } from '../hooks/useSession';
import { useToast } from '../hooks/useToast';
import { getManagedEvent, listSignups } from '../services';
import { Attendees } from './manage/Attendees';
import { CancelEvent } from './manage/CancelEvent';
import { CheckInDesk } from './manage/CheckInDesk';
import { EventActions } from './manage/EventActions';
import { EventOverview } from './manage/EventOverview';
import { EventSummary } from './manage/EventSummary';
import type { Feedback } from './manage/feedback';
import { useCheckIn } from './manage/useCheckIn';
import '../components/openweek.css';

/**
 * One of the collective's events: live counts, publish/cancel, signups with approval, check-in, export, summary.
 * The page loads the event and its signups and refreshes both after any part changes them; each part
 * (in ./manage/) keeps its own inputs.
 */
export default function ManageEvent() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const guard = useSignedIn({ audiences: ['collective'] });
  const frame = { guard, title: '活动管理', className: 'ow-manage', denied: '只有集体帐号可以管理开放周活动' };
  const ready = guard.state === 'ready';
  const [event, setEvent] = useState<ManagedEventView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { toast, show } = useToast();

  const load = useCallback(async () => {
    const result = await getManagedEvent(eventId);
    if (result.ok) setEvent(result.data.event);
    else setError(result.error.message);
  }, [eventId]);
  const signups = usePagedList((cursor) => listSignups({ eventId, cursor, limit: 50 }), eventId, ready);
  const refresh = useCallback(() => {
    void load();
    signups.reload();
  }, [load, signups]);
  const feedback: Feedback = { show, refresh };
  const { notice, checkIn } = useCheckIn(eventId, refresh);
  useEffect(() => {
    if (ready) void load();
  }, [ready, load]);
  useDidShow(() => {
    if (ready) void load();
  });

  if (error) return <GuardedScreen {...frame}><Notice>{error}</Notice></GuardedScreen>;
  if (!event) return <GuardedScreen {...frame}><View className="list-foot list-loading">加载中…</View></GuardedScreen>;

  const ended = new Date(event.endAt).getTime() < Date.now();
  return (
    <GuardedScreen {...frame}>
      <EventOverview event={event} />
      <EventActions event={event} feedback={feedback} />
      {event.status === 'published' ? <CheckInDesk checkIn={checkIn} notice={notice} /> : null}
      <Attendees event={event} signups={signups} checkIn={checkIn} feedback={feedback} />
      {event.status === 'published' ? <CancelEvent eventId={event.id} feedback={feedback} /> : null}
      {(event.status === 'published' && ended) || event.status === 'finished' ? <EventSummary event={event} feedback={feedback} /> : null}
      {toast}
    </GuardedScreen>
  );
}

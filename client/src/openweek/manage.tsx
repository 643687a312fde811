import { useCallback, useEffect, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { contract } from '../../../shared/contract';
import type { ManagedEventView } from '../../../shared/contract/openweek-views';
import { confirm } from '../components/confirm';
import { accessibleName, FormField } from '../components/FormField';
import { useForm } from '../hooks/useForm';
import { LoadMore } from '../components/LoadMore';
import { Notice } from '../components/Notice';
import { Picture } from '../components/Picture';
import { Screen, Section } from '../components/Screen';
import { usePagedList } from '../hooks/usePagedList';
import { useSignedIn } from '../hooks/useSession';
import { useToast } from '../hooks/useToast';
import {
  addSummaryPhoto,
  cancelEvent,
  checkInAttendee,
  exportAttendees,
  getManagedEvent,
  listSignups,
  publishEvent,
  recordSummary,
  reviewSignup,
  scanCheckInCode,
} from '../services';
import { chinaTime, eventStatusLabel, signupStatusLabel } from '../openweek-format';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';

/** One of the collective's events: live counts, publish/cancel, signups with approval, check-in, export, summary. */
export default function ManageEvent() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const guard = useSignedIn({ audiences: ['collective'] });
  const ready = guard.state === 'ready';
  const [event, setEvent] = useState<ManagedEventView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [checkInNotice, setCheckInNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const cancelForm = useForm(contract.openweek.cancelEvent.input, { initial: { reason: '' }, fixed: { eventId } });
  const [summary, setSummary] = useState('');
  const [photos, setPhotos] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
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
  useEffect(() => {
    if (ready) void load();
  }, [ready, load]);
  useDidShow(() => {
    if (ready) void load();
  });

  if (guard.state === 'unreachable') return <Screen title="活动管理"><Notice>{guard.message}</Notice></Screen>;
  if (guard.state === 'denied') return <Screen title="活动管理"><Notice>只有集体帐号可以管理开放周活动</Notice></Screen>;
  if (error) return <Screen title="活动管理" className="ow-manage"><Notice>{error}</Notice></Screen>;
  if (!event) return <Screen title="活动管理" className="ow-manage"><View className="list-foot list-loading">加载中…</View></Screen>;

  const run = async <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done: string) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      show(done, 'success');
      refresh();
    } else show(result.error.message, 'fail');
    return result.ok;
  };

  /** The reason is checked before the dialog; the dialog before anything is cancelled. */
  const askCancelEvent = async () => {
    if (!cancelForm.validate()) return;
    const sure = await confirm({
      title: '确认取消活动？',
      content: '将通知所有报名者，取消后不能恢复。',
      confirmText: '取消活动',
      cancelText: '不取消',
      danger: true,
    });
    if (!sure) return;
    const result = await cancelForm.submit((input) => cancelEvent(input.eventId, input.reason));
    if (result?.ok) {
      show('活动已取消', 'success');
      refresh();
    }
  };

  const checkIn = async (who: { code: string } | { signupId: string }) => {
    if ('code' in who && !who.code.trim()) return;
    const result = await checkInAttendee(event.id, 'code' in who ? { code: who.code.trim() } : who);
    if (result.ok) {
      setCheckInNotice({ tone: 'success', text: `${result.data.attendee.name} 签到成功（已签到 ${result.data.checkedIn}/${result.data.seatsTaken}）` });
      setCode('');
      refresh();
    } else setCheckInNotice({ tone: 'error', text: result.error.fields?.code ?? result.error.message });
  };
  const scan = async () => {
    const scanned = await scanCheckInCode();
    if (scanned) await checkIn({ code: scanned });
  };

  const ended = new Date(event.endAt).getTime() < Date.now();
  const shownPhotos = photos ?? event.summaryPhotos;
  const addPhoto = async () => {
    const result = await addSummaryPhoto(event.id);
    if (!result) return;
    if (result.ok) setPhotos([...shownPhotos, result.data.url]);
    else show(result.error.message, 'fail');
  };
  return (
    <Screen title="活动管理" className="ow-manage">
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

      <View className="form-actions">
        {event.status === 'draft' ? (
          <Button className="btn-publish" type="primary" block loading={busy} onClick={() => void run(() => publishEvent(event.id), '已发布')}>
            发布活动
          </Button>
        ) : null}
        {event.status === 'draft' || event.status === 'published' ? (
          <Button className="btn-edit-event" block onClick={() => go(ROUTES.owEdit, { id: event.id })}>
            编辑活动
          </Button>
        ) : null}
        {event.status !== 'draft' ? (
          <Button className="btn-view-public" block onClick={() => go(ROUTES.event, { id: event.id })}>
            查看公众页面
          </Button>
        ) : null}
      </View>

      {event.status === 'published' ? (
        <Section title="签到（活动开始前1小时至结束）" className="ow-checkin">
          {/* WeChat's scanner reads the attendee's QR; the typed code stays for the browser and as a fallback. */}
          {process.env.TARO_ENV === 'weapp' ? (
            <View className="form-actions">
              <Button className="btn-scan" type="primary" block onClick={() => void scan()}>
                扫码签到
              </Button>
            </View>
          ) : null}
          <View className="ow-search">
            <Input
              className="ow-search__input field-code"
              name="code"
              value={code}
              placeholder="输入签到码"
              maxLength={16}
              confirmType="done"
              onChange={setCode}
              onConfirm={() => void checkIn({ code })}
              {...accessibleName('签到码')}
            />
            <Button className="btn-check-in" size="small" type={process.env.TARO_ENV === 'weapp' ? 'default' : 'primary'} onClick={() => void checkIn({ code })}>
              签到
            </Button>
          </View>
          <View className="ow-checkin__hint">没带签到码的参加者，可在下方报名名单中点「签到」。</View>
          {checkInNotice ? <Notice tone={checkInNotice.tone} className="checkin-result">{checkInNotice.text}</Notice> : null}
        </Section>
      ) : null}

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

      {event.status === 'published' ? (
        <Section title="取消活动" className="ow-cancel">
          <FormField {...cancelForm.field('reason')} label="取消原因" placeholder="将通知所有报名者" multiline maxLength={200} />
          <Notice>{cancelForm.notice}</Notice>
          <View className="form-actions">
            <Button className="btn-cancel-event" type="danger" fill="outline" block loading={cancelForm.submitting} onClick={() => void askCancelEvent()}>
              取消活动
            </Button>
          </View>
        </Section>
      ) : null}

      {(event.status === 'published' && ended) || event.status === 'finished' ? (
        <Section title="活动总结" className="ow-summary">
          {event.summary ? <View className="event-detail__desc event-summary">{event.summary}</View> : null}
          <View className="form-field">
            <TextArea className="field-summary" value={summary} placeholder="活动开展情况（10字以上）" maxLength={2000} autoSize onChange={setSummary} />
          </View>
          <View className="ow-row-actions summary-photos">
            {shownPhotos.map((url) => (
              <Picture key={url} className="summary-photo" src={url} alt="活动现场照片" mode="aspectFill" style={{ width: '160px', height: '160px' }} />
            ))}
            {shownPhotos.length < 9 ? (
              <Button className="btn-add-photo" size="small" onClick={() => void addPhoto()}>
                添加照片
              </Button>
            ) : null}
          </View>
          <View className="form-actions">
            <Button className="btn-save-summary" type="primary" block loading={busy} onClick={() => void run(() => recordSummary({ eventId: event.id, summary, photos: shownPhotos }), '已记录')}>
              保存总结
            </Button>
          </View>
        </Section>
      ) : null}
      {toast}
    </Screen>
  );
}

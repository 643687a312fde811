import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import { signUpInput } from '../../../shared/contract/openweek';
import { FormField } from '../components/FormField';
import { LoadFailed } from '../components/LoadFailed';
import { Notice } from '../components/Notice';
import { Screen, Section } from '../components/Screen';
import { useForm } from '../hooks/useForm';
import { getEvent, signUpForEvent, type CallOutput } from '../services';
import { askSignupSubscriptions } from '../services/subscriptions';
import { buttonState, chinaTime } from '../openweek-format';
import { go, replace, ROUTES } from '../routes';
import type { SignupStatus } from '../../../shared/domain/openweek/event-rules';
import { CheckInQr } from '../components/CheckInQr';
import '../components/openweek.css';

type Loaded = CallOutput<'openweek', 'getEvent'>;
type SignUpResult = CallOutput<'openweek', 'signUp'>;

const RESULT_TITLES: Record<SignupStatus, string> = {
  confirmed: '报名成功',
  waitlisted: '已进入候补',
  pending: '报名已提交，等待主办方审核',
  rejected: '报名未通过审核',
  cancelled: '报名已取消',
};

/** The signup form, behind the privacy notice: what is collected, why, who sees it, how long it is kept. */
export default function EventSignup() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [done, setDone] = useState<SignUpResult | null>(null);
  useEffect(() => {
    void getEvent(eventId).then((r) => (r.ok ? setData(r.data) : setError(r.error.message)));
  }, [eventId]);

  const askPhone = data?.event.askPhone ?? false;
  const form = useForm(signUpInput, {
    initial: { name: '', phone: '', answer: '' },
    fixed: { eventId, privacyAccepted: accepted },
    optional: askPhone ? ['answer'] : ['phone', 'answer'],
    // The contract's phone is optional (events that do not ask for it); this event asks, so the contract's
    // own phone rule runs on it here, with the rest, before anything is sent.
    check: (v): Record<string, string> => {
      if (!askPhone) return {};
      const phone = signUpInput.shape.phone.unwrap().safeParse(v.phone.trim() === '' ? undefined : v.phone);
      return phone.success ? {} : { phone: phone.error.issues[0].message };
    },
  });

  if (error) return <Screen title="报名" className="event-signup"><LoadFailed message={error} /></Screen>;
  if (!data) return <Screen title="报名" className="event-signup"><View className="list-foot list-loading">加载中…</View></Screen>;
  const { event } = data;

  const submit = async () => {
    const result = await form.submit(async (input) => {
      // In the same tap: WeChat shows the subscription dialog only in answer to the user's own tap.
      await askSignupSubscriptions({ full: buttonState(event) === 'waitlist', requiresApproval: event.requiresApproval });
      return signUpForEvent(input);
    });
    if (result?.ok) {
      setDone(result.data);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    }
  };

  if (done) return <SignupResult event={event} result={done} />;

  return (
    <Screen title="报名" className="event-signup">
      <View className="event-card">
        <View className="event-card__title event-title">{event.title}</View>
        <View className="event-card__meta">{chinaTime(event.startAt)} · {event.place.address}</View>
      </View>
      <Section title="报名信息">
        <FormField {...form.field('name')} label="姓名" maxLength={20} />
        {event.askPhone ? <FormField {...form.field('phone')} kind="mobile" label="手机号" maxLength={11} placeholder="11位手机号" /> : null}
        {event.extraQuestion ? <FormField {...form.field('answer')} label={event.extraQuestion} maxLength={200} /> : null}
      </Section>
      <Section title="个人信息收集说明" className="privacy">
        <View className="privacy-notice">
          为组织本次活动，主办集体「{event.collectiveName}」需要收集您的姓名{event.askPhone ? '和手机号' : ''}
          {event.extraQuestion ? '及报名问题的回答' : ''}，仅用于核对报名、活动签到和必要的联系（如活动变更）。
          完整信息只有主办集体可见，其他人（包括管理单位）只能看到统计人数；不会用于其他用途或提供给第三方。
          {process.env.TARO_ENV === 'weapp'
            ? '我们还会请求向您发送活动前一天的提醒、候补递补和活动变更（取消、审核结果）的通知，您可以逐项选择。'
            : null}
          您可以在活动开始前按取消规则取消报名。
        </View>
        <View id="form-field-privacyAccepted" className="privacy-accept">
          <Checkbox
            className="privacy-checkbox field-privacyAccepted"
            label="我已阅读并同意上述个人信息收集说明"
            checked={accepted}
            onChange={(v: boolean) => setAccepted(v)}
          />
        </View>
      </Section>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit-signup" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交报名
        </Button>
      </View>
    </Screen>
  );
}

/**
 * What the tap achieved, in place of the form: confirmed, waiting (and where in line) or awaiting approval,
 * the check-in code when there is one, and how the visitor will be reminded.
 */
function SignupResult({ event, result }: { event: Loaded['event']; result: SignUpResult }) {
  const { signup, alreadySignedUp } = result;
  const tone = signup.status === 'confirmed' ? 'success' : 'info';
  return (
    <Screen title="报名结果" className="event-signup signup-result">
      <View className={`signup-result__head signup-result__head--${tone}`}>
        <View className="signup-result__icon">{signup.status === 'confirmed' ? '✓' : '…'}</View>
        <View className="signup-result__title result-title">{alreadySignedUp ? `你已报名：${RESULT_TITLES[signup.status]}` : RESULT_TITLES[signup.status]}</View>
        {signup.waitlistPosition ? (
          <View className="signup-result__detail waitlist-position">候补第{signup.waitlistPosition}位，有人取消时按顺序递补，递补后即为报名成功</View>
        ) : null}
        {signup.status === 'pending' ? <View className="signup-result__detail">主办方审核后，报名状态会在「报名」中更新</View> : null}
      </View>
      <View className="event-card">
        <View className="event-card__title event-title">{event.title}</View>
        <View className="event-card__meta">{chinaTime(event.startAt)} · {event.place.address}</View>
      </View>
      {signup.checkInCode ? (
        <Section title="签到码">
          <CheckInQr code={signup.checkInCode} />
        </Section>
      ) : null}
      <Notice tone="info" className="reminder-prompt">
        {process.env.TARO_ENV === 'weapp'
          ? '如已允许通知，活动前一天会提醒你；候补递补和活动变更也会通知你。'
          : '浏览器中收不到提醒，请记下活动时间；签到码和报名状态随时可在「报名」中查看。'}
      </Notice>
      <View className="form-actions">
        <Button className="btn-my-signups" type="primary" block onClick={() => go(ROUTES.mySignups)}>
          查看我的报名
        </Button>
        <Button className="btn-back-to-event" block onClick={() => replace(ROUTES.event, { id: event.id })}>
          返回活动页
        </Button>
      </View>
    </Screen>
  );
}

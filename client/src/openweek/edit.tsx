import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import { z } from 'zod';
import { eventInput } from '../../../shared/contract/openweek';
import { EVENT_TYPES, EVENT_TYPE_LABELS } from '../../../shared/domain/openweek/event-rules';
import { ChoiceField } from '../components/ChoiceField';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { Screen, Section } from '../components/Screen';
import { useForm } from '../hooks/useForm';
import { useSignedIn } from '../hooks/useSession';
import { createEvent, getManagedEvent, openweekFilters, updateEvent } from '../services';
import { chinaTime, fromChinaTime } from '../openweek-format';
import { replace, ROUTES } from '../routes';
import '../components/openweek.css';

const TEXT_FIELDS = {
  type: 'siteVisit',
  title: '',
  description: '',
  coverUrl: '',
  startAt: '',
  endAt: '',
  address: '',
  capacity: '',
  signupOpensAt: '',
  signupClosesAt: '',
  cancelHoursBefore: '24',
  extraQuestion: '',
};
type Values = typeof TEXT_FIELDS;

/** What is typed (text, China time) → the contract's input, checked by the contract's own schema. */
const formSchema = z
  .object({}).catchall(z.unknown())
  .transform((v: Record<string, unknown>) => ({
    ...v,
    capacity: v.capacity === '' || v.capacity === undefined ? undefined : Number(v.capacity),
    cancelHoursBefore: v.cancelHoursBefore === '' || v.cancelHoursBefore === undefined ? undefined : Number(v.cancelHoursBefore),
    startAt: fromChinaTime(String(v.startAt ?? '')),
    endAt: fromChinaTime(String(v.endAt ?? '')),
    signupOpensAt: fromChinaTime(String(v.signupOpensAt ?? '')),
    signupClosesAt: fromChinaTime(String(v.signupClosesAt ?? '')),
  }))
  .pipe(eventInput);

const TYPE_CHOICES = EVENT_TYPES.map((value) => ({ value, label: EVENT_TYPE_LABELS[value] }));

/** Create (no `?id`) or edit an event. Times are typed as China time, "2018-05-04 09:00". */
export default function EditEvent() {
  const { params } = useRouter();
  const eventId = params.id;
  const guard = useSignedIn({ audiences: ['collective'] });
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [requiresApproval, setRequiresApproval] = useState(false);
  const [askPhone, setAskPhone] = useState(true);
  const form = useForm(formSchema, {
    initial: TEXT_FIELDS as Values,
    fixed: { campaignId, requiresApproval, askPhone },
    optional: ['coverUrl', 'extraQuestion'],
  });

  useEffect(() => {
    if (guard.state !== 'ready') return;
    void openweekFilters().then((r) => r.ok && !eventId && setCampaignId(r.data.campaigns[0]?.id ?? null));
    if (!eventId) return;
    void getManagedEvent(eventId).then((r) => {
      if (!r.ok) return;
      const e = r.data.event;
      setCampaignId(e.campaignId);
      setVersion(e.version);
      setRequiresApproval(e.requiresApproval);
      setAskPhone(e.askPhone);
      form.reset({
        type: e.type,
        title: e.title,
        description: e.description,
        coverUrl: e.coverUrl ?? '',
        startAt: chinaTime(e.startAt),
        endAt: chinaTime(e.endAt),
        address: e.address,
        capacity: String(e.capacity),
        signupOpensAt: chinaTime(e.signupOpensAt),
        signupClosesAt: chinaTime(e.signupClosesAt),
        cancelHoursBefore: String(e.cancelHoursBefore),
        extraQuestion: e.extraQuestion ?? '',
      });
    });
    // Loads once per page and event; `form` is stable in what this uses (reset).
  }, [guard.state, eventId]);

  if (guard.state === 'unreachable') return <Screen title="编辑活动"><Notice>{guard.message}</Notice></Screen>;
  if (guard.state === 'denied') return <Screen title="编辑活动"><Notice>只有集体帐号可以发布开放周活动</Notice></Screen>;

  const save = async () => {
    const result = await form.submit((input) => (eventId && version !== null ? updateEvent({ ...input, eventId, version }) : createEvent(input)));
    if (result?.ok) replace(ROUTES.owManage, { id: result.data.event.id });
  };

  return (
    <Screen title={eventId ? '编辑活动' : '新建活动'} className="ow-edit">
      <Section title="活动">
        <ChoiceField name="type" label="活动类型" options={TYPE_CHOICES} value={form.values.type} error={form.errors.type} onChange={(v) => form.set('type', v)} />
        <FormField {...form.field('title')} label="活动名称" maxLength={60} />
        <FormField {...form.field('description')} label="活动介绍" multiline maxLength={2000} />
        <FormField {...form.field('coverUrl')} label="封面图片" placeholder="图片地址（可不填）" />
        <FormField {...form.field('address')} label="活动地点" maxLength={120} />
        <FormField {...form.field('startAt')} label="开始时间" placeholder="2018-05-04 09:00" />
        <FormField {...form.field('endAt')} label="结束时间" placeholder="2018-05-04 11:00" />
      </Section>
      <Section title="报名">
        <FormField {...form.field('capacity')} label="名额" placeholder="人数" />
        <FormField {...form.field('signupOpensAt')} label="报名开始" placeholder="2018-04-25 09:00" />
        <FormField {...form.field('signupClosesAt')} label="报名截止" placeholder="2018-05-03 18:00" />
        <FormField {...form.field('cancelHoursBefore')} label="取消截止" hint="活动开始前多少小时以前可取消（0：开始前均可取消）" />
        <FormField {...form.field('extraQuestion')} label="报名问题" placeholder="可不填，如：您的职业" maxLength={100} />
        <View className="privacy-accept">
          <Checkbox className="field-requiresApproval" checked={requiresApproval} onChange={(v: boolean) => setRequiresApproval(v)} />
          <Text>报名需要本集体审核</Text>
        </View>
        <View className="privacy-accept">
          <Checkbox className="field-askPhone" checked={askPhone} onChange={(v: boolean) => setAskPhone(v)} />
          <Text>需要报名者填写手机号</Text>
        </View>
      </Section>
      <Notice>{form.notice ?? (form.errors.campaignId || null)}</Notice>
      <View className="form-actions">
        <Button className="btn-save-event" type="primary" block loading={form.submitting} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </Screen>
  );
}

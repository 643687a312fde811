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
import { DateField } from '../components/DateField';
import { FieldError, FieldLabel, FormField } from '../components/FormField';
import { Picture } from '../components/Picture';
import { Notice } from '../components/Notice';
import { GuardedScreen } from '../components/GuardedScreen';
import { Section } from '../components/Screen';
import { useForm } from '../hooks/useForm';
import { useSignedIn } from '../hooks/useSession';
import { createEvent, getManagedEvent, openweekFilters, updateEvent, uploadCover } from '../services';
import { pickMapPoint } from '../services/maps';
import { chinaTime, fromChinaTime } from '../openweek-format';
import { replace, ROUTES } from '../routes';
import '../components/openweek.css';

const TEXT_FIELDS = {
  type: 'siteVisit',
  title: '',
  description: '',
  startAt: '',
  endAt: '',
  address: '',
  lat: '',
  lng: '',
  capacity: '',
  signupOpensAt: '',
  signupClosesAt: '',
  cancelHoursBefore: '24',
  extraQuestion: '',
};
type Values = typeof TEXT_FIELDS;

/** A typed number ("" → not given; what is not a number stays NaN for the schema to refuse); a picked one as is. */
const numberOf = (v: unknown): number | undefined =>
  v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'number' ? v : Number(String(v).trim());

/** The map point's coordinates that were given (the schema refuses one without the other). */
function pointOf(v: Record<string, unknown>): { lat?: number; lng?: number } {
  const lat = numberOf(v.lat);
  const lng = numberOf(v.lng);
  return { ...(lat === undefined ? {} : { lat }), ...(lng === undefined ? {} : { lng }) };
}

/** What is typed (text, China time) → the contract's input, checked by the contract's own schema. */
const formSchema = z
  .object({}).catchall(z.unknown())
  .transform((v: Record<string, unknown>) => ({
    ...v,
    ...pointOf(v),
    capacity: v.capacity === '' || v.capacity === undefined ? undefined : Number(v.capacity),
    cancelHoursBefore: v.cancelHoursBefore === '' || v.cancelHoursBefore === undefined ? undefined : Number(v.cancelHoursBefore),
    startAt: fromChinaTime(String(v.startAt ?? '')),
    endAt: fromChinaTime(String(v.endAt ?? '')),
    signupOpensAt: fromChinaTime(String(v.signupOpensAt ?? '')),
    signupClosesAt: fromChinaTime(String(v.signupClosesAt ?? '')),
  }))
  .pipe(eventInput);

const TYPE_CHOICES = EVENT_TYPES.map((value) => ({ value, label: EVENT_TYPE_LABELS[value] }));

/** WeChat picks the map point on its own map; H5 (no map SDK key here) types 纬度/经度. */
const PICKS_ON_MAP = process.env.TARO_ENV === 'weapp';

/** Create (no `?id`) or edit an event. Times are picked in China time and held as "2018-05-04 09:00". */
export default function EditEvent() {
  const { params } = useRouter();
  const eventId = params.id;
  const guard = useSignedIn({ audiences: ['collective'] });
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [requiresApproval, setRequiresApproval] = useState(false);
  const [askPhone, setAskPhone] = useState(true);
  /** The uploaded cover (its storage URL), shown as a preview. */
  const [cover, setCover] = useState<string | null>(null);
  const [coverBusy, setCoverBusy] = useState(false);
  const [coverError, setCoverError] = useState<string | null>(null);
  /** The point picked on WeChat's map (mini-program only). */
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [pointError, setPointError] = useState<string | null>(null);
  const form = useForm(formSchema, {
    initial: TEXT_FIELDS as Values,
    fixed: { campaignId, requiresApproval, askPhone, coverUrl: cover ?? undefined, ...(PICKS_ON_MAP && point ? point : {}) },
    optional: ['extraQuestion', 'lat', 'lng'],
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
      setCover(e.coverUrl);
      setPoint(e.place.lat !== null && e.place.lng !== null ? { lat: e.place.lat, lng: e.place.lng } : null);
      form.reset({
        type: e.type,
        title: e.title,
        description: e.description,
        startAt: chinaTime(e.startAt),
        endAt: chinaTime(e.endAt),
        address: e.address,
        // Typed only in H5; in WeChat the picked point (above) is the one sent.
        lat: PICKS_ON_MAP || e.place.lat === null ? '' : String(e.place.lat),
        lng: PICKS_ON_MAP || e.place.lng === null ? '' : String(e.place.lng),
        capacity: String(e.capacity),
        signupOpensAt: chinaTime(e.signupOpensAt),
        signupClosesAt: chinaTime(e.signupClosesAt),
        cancelHoursBefore: String(e.cancelHoursBefore),
        extraQuestion: e.extraQuestion ?? '',
      });
    });
    // Loads once per page and event; `form` is stable in what this uses (reset).
  }, [guard.state, eventId]);


  const save = async () => {
    const result = await form.submit((input) => (eventId && version !== null ? updateEvent({ ...input, eventId, version }) : createEvent(input)));
    if (result?.ok) replace(ROUTES.owManage, { id: result.data.event.id });
    else if (result && !result.ok) setCoverError(result.error.fields?.coverUrl ?? null);
  };

  const pickCover = async () => {
    setCoverBusy(true);
    setCoverError(null);
    const result = await uploadCover();
    setCoverBusy(false);
    if (!result) return;
    if (result.ok) setCover(result.data.url);
    else setCoverError(result.error.fields?.base64 ?? result.error.fields?.contentType ?? result.error.message);
  };

  const pickPoint = async () => {
    setPointError(null);
    const picked = await pickMapPoint();
    if (!picked) return;
    if ('error' in picked) return setPointError(picked.error);
    setPoint({ lat: picked.lat, lng: picked.lng });
    if (!form.values.address.trim() && picked.address) form.set('address', picked.address.slice(0, 120));
  };
  const mapError = pointError ?? (PICKS_ON_MAP ? (form.errors.lat ?? form.errors.lng) : undefined);

  return (
    <GuardedScreen guard={guard} title={eventId ? '编辑活动' : '新建活动'} className="ow-edit" denied="只有集体帐号可以发布开放周活动">
      <Section title="活动">
        <ChoiceField name="type" label="活动类型" required options={TYPE_CHOICES} value={form.values.type} error={form.errors.type} onChange={(v) => form.set('type', v)} />
        <FormField {...form.field('title')} label="活动名称" maxLength={60} />
        <FormField {...form.field('description')} label="活动介绍" multiline maxLength={2000} />
        <View className="form-field form-field--coverUrl cover-field">
          <View className="form-field__row">
            <FieldLabel label="封面图片" />
            {cover ? (
              <View className="ow-row-actions">
                <Button className="btn-change-cover" size="small" loading={coverBusy} onClick={() => void pickCover()}>
                  更换
                </Button>
                <Button className="btn-remove-cover" size="small" onClick={() => setCover(null)}>
                  移除
                </Button>
              </View>
            ) : (
              <Button className="btn-pick-cover" size="small" loading={coverBusy} onClick={() => void pickCover()}>
                选择图片
              </Button>
            )}
          </View>
          {cover ? <Picture className="cover-preview" src={cover} alt="活动封面" mode="aspectFill" /> : null}
          <FieldError name="coverUrl" error={coverError ?? undefined} />
        </View>
        <FormField {...form.field('address')} label="活动地点" maxLength={120} />
        {PICKS_ON_MAP ? (
          <View className="form-field form-field--point map-field">
            <View className="form-field__row">
              <FieldLabel label="地图位置" />
              {point ? (
                <View className="ow-row-actions">
                  <Text className="map-point-chosen">已选地图位置</Text>
                  <Button className="btn-clear-point" size="small" onClick={() => setPoint(null)}>
                    清除
                  </Button>
                </View>
              ) : (
                <Button className="btn-pick-point" size="small" onClick={() => void pickPoint()}>
                  在地图上选点
                </Button>
              )}
            </View>
            <FieldError name="point" error={mapError ?? undefined} />
          </View>
        ) : (
          <>
            <FormField {...form.field('lat')} kind="decimal" label="纬度" placeholder="地图位置，可不填，如 29.3574" hint="纬度和经度一起填写，公众可在活动页查看地图" />
            <FormField {...form.field('lng')} kind="decimal" label="经度" placeholder="地图位置，可不填，如 113.1289" />
          </>
        )}
        <DateField {...form.field('startAt')} mode="datetime" label="开始时间" />
        <DateField {...form.field('endAt')} mode="datetime" label="结束时间" />
      </Section>
      <Section title="报名">
        <FormField {...form.field('capacity')} kind="integer" unit="人" label="名额" placeholder="人数" maxLength={5} />
        <DateField {...form.field('signupOpensAt')} mode="datetime" label="报名开始" />
        <DateField {...form.field('signupClosesAt')} mode="datetime" label="报名截止" />
        <FormField
          {...form.field('cancelHoursBefore')}
          kind="integer"
          unit="小时"
          label="取消截止"
          maxLength={3}
          hint="活动开始前多少小时以前可取消（0：开始前均可取消）"
        />
        <FormField {...form.field('extraQuestion')} label="报名问题" placeholder="可不填，如：您的职业" maxLength={100} />
        <View className="privacy-accept">
          <Checkbox className="field-requiresApproval" label="报名需要本集体审核" checked={requiresApproval} onChange={(v: boolean) => setRequiresApproval(v)} />
        </View>
        <View className="privacy-accept">
          <Checkbox className="field-askPhone" label="需要报名者填写手机号" checked={askPhone} onChange={(v: boolean) => setAskPhone(v)} />
        </View>
      </Section>
      <Notice>{form.notice ?? (form.errors.campaignId || null)}</Notice>
      <View className="form-actions">
        <Button className="btn-save-event" type="primary" block loading={form.submitting} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </GuardedScreen>
  );
}

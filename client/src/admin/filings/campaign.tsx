import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CampaignView } from '../../../../shared/contract/filing-views';
import type { FieldErrors } from '../../../../shared/errors';
import { addDays, lastFilingDay } from '../../../../shared/domain/filing/window';
import { ChoiceField } from '../../components/ChoiceField';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { firstFlagged, scrollToField } from '../../components/scroll';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { createCampaign, updateCampaign } from '../../services';
import { useLatestCampaign } from './useCampaign';
import { go, ROUTES } from '../../routes';
import './filings.css';

type Values = Record<'name' | 'level' | 'term' | 'filingOpens' | 'filingClosesBefore' | 'minMembers' | 'maxMembers' | 'minShareUnder35' | 'maxLeaderAge' | 'eligibility' | 'titleBefore' | 'provincialSinceYear' | 'reminderDaysBefore' | 'targetMultiplier', string>;

function valuesOf(c: CampaignView): Values {
  const r = c.rules;
  return {
    name: '',
    level: c.level,
    term: '',
    filingOpens: r.window.opens,
    // Shown and typed as the last day filings are accepted, as the header's window reads; stored as the day after.
    filingClosesBefore: lastFilingDay(r.window),
    minMembers: String(r.conditions.minMembers),
    maxMembers: String(r.conditions.maxMembers),
    minShareUnder35: String(Math.round(r.conditions.minShareUnder35 * 100)),
    maxLeaderAge: String(r.conditions.maxLeaderAge),
    eligibility: r.eligibility.kind,
    titleBefore: r.eligibility.kind === 'priorTitle' ? r.eligibility.titleBefore : '',
    provincialSinceYear: r.eligibility.kind === 'priorTitle' ? String(r.eligibility.provincialSinceYear) : '',
    reminderDaysBefore: String(r.reminderDaysBefore),
    targetMultiplier: String(r.targetMultiplier),
  };
}

/** Text typed into a number field; NaN (refused by the contract, naming the field) when it is not one. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const LEVELS = [
  { value: 'national', label: '全国' },
  { value: 'provincial', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县级' },
];

/**
 * The office sets the newest campaign's filing window, basic conditions and eligibility rule, or opens
 * a new campaign (a new term or level) starting from the same rules.
 */
export default function CampaignRules() {
  const guard = useSignedIn({ audiences: ['office'] });
  const frame = { guard, title: '创建工作规则', denied: '只有组委会办公室可以设置规则' };
  const { campaign: loaded, error } = useLatestCampaign(guard.state === 'ready');
  const [campaign, setCampaign] = useState<CampaignView | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { toast, show } = useToast();
  useEffect(() => {
    if (loaded) {
      setCampaign(loaded);
      setValues(valuesOf(loaded));
    }
  }, [loaded]);
  if (!campaign || !values) return <GuardedScreen {...frame} className="campaign-rules"><Notice>{error}</Notice></GuardedScreen>;

  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: errors[name],
    required: true,
    onChange: (v: string) => setValues({ ...values, [name]: v }),
  });
  const save = async () => {
    const rules = {
      filingOpens: values.filingOpens,
      filingClosesBefore: /^\d{4}-\d{2}-\d{2}$/.test(values.filingClosesBefore.trim()) ? addDays(values.filingClosesBefore.trim(), 1) : values.filingClosesBefore,
      minMembers: num(values.minMembers),
      maxMembers: num(values.maxMembers),
      minShareUnder35: num(values.minShareUnder35) / 100,
      maxLeaderAge: num(values.maxLeaderAge),
      eligibility: values.eligibility as 'none' | 'priorTitle',
      ...(values.eligibility === 'priorTitle' ? { titleBefore: values.titleBefore, provincialSinceYear: num(values.provincialSinceYear) } : {}),
      reminderDaysBefore: num(values.reminderDaysBefore),
      targetMultiplier: num(values.targetMultiplier),
    };
    const result = creating
      ? await createCampaign({ name: values.name, level: values.level as CampaignView['level'], term: values.term, rules })
      : await updateCampaign({ campaignId: campaign.id, version: campaign.version, rules });
    if (result.ok) {
      setCampaign(result.data.campaign);
      setValues(valuesOf(result.data.campaign));
      setErrors({});
      setNotice(null);
      setCreating(false);
      show(creating ? '已新建创建工作' : '规则已保存', 'success');
      return;
    }
    const fields: FieldErrors = {};
    for (const [path, message] of Object.entries(result.error.fields ?? {})) fields[path.split('.').pop() ?? path] = message;
    setErrors(fields);
    setNotice(Object.keys(fields).length ? null : result.error.message);
    const first = firstFlagged(Object.keys(values), fields);
    if (first) scrollToField(first);
  };

  return (
    <GuardedScreen {...frame} className="campaign-rules">
      <View className="page-intro">{creating ? '新建创建工作：规则先按当前创建工作填好，可逐项修改。' : `${campaign.name}：${campaign.windowText}`}</View>
      {creating ? (
        <Section title="新建创建工作" className="campaign-new">
          <FormField {...bind('name')} label="名称" placeholder="如 2019—2020年度岳阳市青年文明号" maxLength={60} />
          <ChoiceField {...bind('level')} label="层级" options={LEVELS} />
          <FormField {...bind('term')} label="届次" placeholder="2019—2020" maxLength={9} />
        </Section>
      ) : null}
      <Section title="报备时间（北京时间）">
        <DateField {...bind('filingOpens')} mode="date" label="开始日期" hint="此日0时起开放" />
        <DateField {...bind('filingClosesBefore')} mode="date" label="截止日期" hint="报备的最后一天（含当日），次日0时起截止" />
        <FormField {...bind('reminderDaysBefore')} kind="integer" unit="天" label="截止前提醒" hint="截止前几天提醒未提交的集体" maxLength={2} />
      </Section>
      <Section title="报备目标">
        <FormField {...bind('targetMultiplier')} kind="decimal" unit="倍" label="报备目标倍数" hint="各单位报备目标 = 名额（基数）× 倍数；名额分配表列明应完成数的单位以表为准" maxLength={5} />
      </Section>
      <Section title="集体基本条件">
        <FormField {...bind('minMembers')} kind="integer" unit="人" label="最少成员人数" maxLength={5} />
        <FormField {...bind('maxMembers')} kind="integer" unit="人" label="最多成员人数" maxLength={6} />
        <FormField {...bind('minShareUnder35')} kind="integer" unit="%" label="35周岁以下占比" maxLength={3} />
        <FormField {...bind('maxLeaderAge')} kind="integer" unit="岁" label="负责人最高年龄" maxLength={2} />
      </Section>
      <Section title="申报资格">
        <ChoiceField {...bind('eligibility')} label="往届称号" options={[{ value: 'none', label: '不要求' }, { value: 'priorTitle', label: '须曾获全国或最近一届省级称号' }]} />
        {values.eligibility === 'priorTitle' ? (
          <>
            <DateField {...bind('titleBefore')} mode="date" label="称号截止日期" hint="此日前获得" />
            <DateField {...bind('provincialSinceYear')} mode="year" label="最近一届省级" hint="此年及以后的省级命名或复核认定" />
          </>
        ) : null}
      </Section>
      <Notice>{notice}</Notice>
      <View className="form-actions">
        <Button className="btn-save-rules" type="primary" block onClick={() => void save()}>
          {creating ? '新建创建工作' : '保存规则'}
        </Button>
        {creating ? null : (
          <Button className="btn-aspect-tags" block onClick={() => go(ROUTES.adminAspectTags, { campaignId: campaign.id })}>
            社会评价设置（评价方面、回访期限）
          </Button>
        )}
        {creating ? null : (
          <Button className="btn-creationlog-categories" block onClick={() => go(ROUTES.adminCreationLogCategories, { campaignId: campaign.id })}>
            创建日志的类别
          </Button>
        )}
        <Button
          className="btn-toggle-new-campaign"
          block
          onClick={() => {
            setCreating(!creating);
            setValues(valuesOf(campaign));
            setErrors({});
            setNotice(null);
          }}
        >
          {creating ? '返回修改当前创建工作' : '新建创建工作（新一届或其他层级）'}
        </Button>
      </View>
      {toast}
    </GuardedScreen>
  );
}

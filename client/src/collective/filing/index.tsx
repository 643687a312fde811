import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import {
  ACHIEVEMENTS_MAX,
  FILING_FIELD_LABELS,
  FILING_SECTIONS,
  filingStrictContent,
  type FilingDraftContent,
  type FilingTextField,
} from '../../../../shared/contract/filing-content';
import type { CampaignView, FilingView } from '../../../../shared/contract/filing-views';
import { priorTitleSchema } from '../../../../shared/contract/filing-content';
import { TITLE_KIND_LABELS, TITLE_LEVEL_LABELS, type PriorTitle, type TitleKind, type TitleLevel } from '../../../../shared/domain/filing/rules';
import { EDITABLE } from '../../../../shared/domain/filing/status';
import type { FieldErrors } from '../../../../shared/errors';
import { ChoiceField } from '../../components/ChoiceField';
import { confirm } from '../../components/confirm';
import { DateField } from '../../components/DateField';
import { Checks } from '../../components/FilingParts';
import { FieldError, FormField, type FieldKind } from '../../components/FormField';
import { firstFlagged, scrollToField } from '../../components/scroll';
import { Tappable } from '../../components/Tappable';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { askFilingSubscription, clearLocalDraft, getMyFiling, readLocalDraft, saveFilingDraft, submitFiling, writeLocalDraft } from '../../services';
import { formatTime } from '../../format';
import { go, replace, ROUTES } from '../../routes';
import './filing.css';

type Values = Record<FilingTextField, string>;
const TEXT_FIELDS = FILING_SECTIONS.flatMap((s) => s.fields);
const EMPTY = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Values;
const MULTILINE: Partial<Record<FilingTextField, number>> = { goals: 1000, measures: 2000, schedule: 1000, achievements: ACHIEVEMENTS_MAX };
const PLACEHOLDERS: Partial<Record<FilingTextField, string>> = {
  name: '集体规范名称，与管理员派发时一致',
  averageAge: '如 29.5',
  wechatId: '选填',
  postcode: '6位数字',
  achievements: '约2000字，可分段',
};
/** The keyboard each field needs, and the unit shown beside a number. */
const FIELD_KINDS: Partial<Record<FilingTextField, FieldKind>> = {
  leaderAge: 'integer', memberCount: 'integer', averageAge: 'decimal', membersUnder35: 'integer', membersUnder40: 'integer',
  totalStaff: 'integer', phone: 'phone', postcode: 'integer', recoveryEmail: 'email',
};
const UNITS: Partial<Record<FilingTextField, string>> = {
  leaderAge: '岁', memberCount: '人', averageAge: '岁', membersUnder35: '人', membersUnder40: '人', totalStaff: '人',
};
const HINTS: Partial<Record<FilingTextField, string>> = { achievements: '建议2000字左右' };
/** Fields a submitted filing cannot leave empty (the strict schema refuses their empty text). */
const REQUIRED = new Set(TEXT_FIELDS.filter((f) => !filingStrictContent.shape[f].safeParse('').success));
/** The fields in the order the page shows them, to scroll to the first one flagged. */
const ORDER: string[] = [...TEXT_FIELDS.slice(0, TEXT_FIELDS.indexOf('recoveryEmail') + 1), 'priorTitles', ...TEXT_FIELDS.slice(TEXT_FIELDS.indexOf('recoveryEmail') + 1)];
const SAVE_DELAY_MS = 1200;

const contentOf = (values: Values, titles: PriorTitle[]): FilingDraftContent => ({ ...values, priorTitles: titles });

/** 报备: the collective's profile, plan and achievements; saves as it is typed, on the device and on the server. */
export default function FilingForm() {
  const guard = useSignedIn({ audiences: ['collective'] });
  const frame = { guard, title: '报备', denied: '只有集体帐号可以报备' };
  const accountId = guard.state === 'ready' ? guard.account.id : '';
  const [campaign, setCampaign] = useState<CampaignView | null>(null);
  const [filing, setFiling] = useState<FilingView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [titles, setTitles] = useState<PriorTitle[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [submitting, setSubmitting] = useState(false);
  const latest = useRef({ values, titles });
  latest.current = { values, titles };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!accountId) return;
    void getMyFiling({}).then((result) => {
      if (!result.ok) return setLoadError(result.error.message);
      const { campaign: c, filing: f } = result.data;
      setCampaign(c);
      setFiling(f);
      if (!c) return;
      const local = readLocalDraft(accountId, c.id);
      const useLocal = local && (!f || (EDITABLE[f.status] && local.savedAt > f.updatedAt));
      const content = useLocal ? local.content : f?.content ?? { name: result.data.collective.name };
      setValues({ ...EMPTY, ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, content[k] ?? ''])) } as Values);
      setTitles(content.priorTitles ?? []);
    });
  }, [accountId]);

  const editable = !!campaign && campaign.windowState === 'open' && (!filing || EDITABLE[filing.status]);

  // The save in flight, so a submit waits for it instead of racing it (the server would answer CONFLICT).
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const saveNow = useCallback(async () => {
    if (!campaign) return;
    setSaved('保存中…');
    const request = inFlight.current.then(() =>
      saveFilingDraft({ campaignId: campaign.id, content: contentOf(latest.current.values, latest.current.titles) }),
    );
    inFlight.current = request;
    const result = await request;
    if (result.ok) {
      setFiling(result.data.filing);
      setSaved(`草稿已保存 ${formatTime(result.data.filing.updatedAt)}`);
    } else {
      setSaved(`草稿未能保存到服务器（已保存在本机）：${result.error.message}`);
    }
  }, [campaign]);

  const touched = (nextValues: Values, nextTitles: PriorTitle[]) => {
    if (!campaign) return;
    writeLocalDraft(accountId, campaign.id, contentOf(nextValues, nextTitles));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };

  const change = (name: FilingTextField, value: string) => {
    const next = { ...latest.current.values, [name]: value };
    setValues(next);
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const rest = { ...prev };
      delete rest[name];
      return rest;
    });
    touched(next, latest.current.titles);
  };

  const changeTitles = (next: PriorTitle[]) => {
    setTitles(next);
    setErrors((prev) => {
      const rest = { ...prev };
      for (const key of Object.keys(rest)) if (key.startsWith('priorTitles')) delete rest[key];
      return rest;
    });
    touched(latest.current.values, next);
  };

  /** Shows every message at its field, scrolls to the first, and sums them up in the notice. */
  const flag = (messages: Record<string, string>, fallback: string) => {
    const fields: FieldErrors = {};
    for (const [path, message] of Object.entries(messages)) fields[path.split('.')[0]] ??= message;
    setErrors(fields);
    const count = Object.keys(fields).length;
    setNotice(count ? `还有 ${count} 处需要修改，已在各项下方标出；填写的内容都已保留` : fallback);
    const first = firstFlagged(ORDER, fields);
    if (first) scrollToField(first);
  };

  const submit = async () => {
    if (!campaign || submitting) return;
    // Every rule the form can check, in one go, before asking or sending anything.
    const checked = filingStrictContent.safeParse(contentOf(latest.current.values, latest.current.titles));
    if (!checked.success) {
      const messages: Record<string, string> = {};
      for (const issue of checked.error.issues) messages[issue.path.map(String).join('.')] ??= issue.message;
      return flag(messages, '');
    }
    const resubmit = filing?.status === 'returned';
    const sure = await confirm({
      title: resubmit ? '确认重新提交？' : '确认提交报备？',
      content: '提交后进入审核，审核完成或退回前不能再修改。',
      confirmText: '提交',
    });
    if (!sure) return;
    if (timer.current) clearTimeout(timer.current);
    setSubmitting(true);
    setNotice(null);
    await Promise.all([inFlight.current, askFilingSubscription()]);
    const result = await submitFiling({ campaignId: campaign.id, content: contentOf(latest.current.values, latest.current.titles) });
    setSubmitting(false);
    if (result.ok) {
      clearLocalDraft(accountId, campaign.id);
      setFiling(result.data.filing);
      replace(ROUTES.collectiveFilingStatus, { submitted: 1 });
      return;
    }
    flag(result.error.fields ?? {}, result.error.message);
  };

  if (loadError) return <GuardedScreen {...frame} className="filing-form"><Notice>{loadError}</Notice></GuardedScreen>;
  if (!campaign) return <GuardedScreen {...frame} className="filing-form"><View className="list-loading">加载中…</View></GuardedScreen>;

  return (
    <GuardedScreen {...frame} className="filing-form">
      <View className="page-intro">
        <View className="campaign-name">{campaign.name}</View>
        <View className="campaign-window">报备时间：{campaign.windowText}</View>
      </View>
      {filing && !EDITABLE[filing.status] ? (
        <Notice tone="info" className="filing-locked">
          报备状态：{filing.statusLabel}，当前不能修改。
          <Tappable className="link link-status" onTap={() => go(ROUTES.collectiveFilingStatus)}>查看状态</Tappable>
        </Notice>
      ) : null}
      {campaign.windowState !== 'open' ? <Notice tone="warn">{campaign.windowState === 'closed' ? '本届报备已截止' : '本届报备尚未开始'}</Notice> : null}
      {filing?.status === 'returned' && filing.feedback ? (
        <Notice tone="warn" className="filing-feedback">退回意见：{filing.feedback}</Notice>
      ) : null}

      {FILING_SECTIONS.map((section) => (
        <Section key={section.key} title={section.title} className={`filing-section filing-section--${section.key}`}>
          {section.fields.map((name) =>
            name === 'nonPublic' ? (
              <ChoiceField
                key={name}
                name={name}
                label={FILING_FIELD_LABELS[name]}
                options={[{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]}
                value={values[name]}
                error={errors[name]}
                required
                onChange={(v) => editable && change(name, v)}
              />
            ) : name === 'foundedOn' ? (
              <DateField
                key={name}
                name={name}
                mode="date"
                label={FILING_FIELD_LABELS[name]}
                value={values[name]}
                error={errors[name]}
                required
                disabled={!editable}
                onChange={(v) => change(name, v)}
              />
            ) : (
              <FormField
                key={name}
                name={name}
                label={FILING_FIELD_LABELS[name]}
                kind={FIELD_KINDS[name]}
                unit={UNITS[name]}
                value={values[name]}
                error={errors[name]}
                required={REQUIRED.has(name)}
                placeholder={PLACEHOLDERS[name]}
                hint={HINTS[name]}
                multiline={name in MULTILINE}
                maxLength={MULTILINE[name]}
                disabled={!editable}
                onChange={(v) => change(name, v)}
              />
            ),
          )}
          {section.key === 'profile' ? <PriorTitles titles={titles} error={errors.priorTitles} editable={editable} onChange={changeTitles} /> : null}
        </Section>
      ))}

      {filing ? <Checks checks={filing.checks} /> : null}

      <View className="save-state">{saved}</View>
      <Notice>{notice}</Notice>
      {editable ? (
        <View className="form-actions">
          <Button className="btn-submit" type="primary" block loading={submitting} onClick={() => void submit()}>
            {filing?.status === 'returned' ? '重新提交' : '提交报备'}
          </Button>
          <Button className="btn-save" block onClick={() => void saveNow()}>
            保存草稿
          </Button>
        </View>
      ) : null}
    </GuardedScreen>
  );
}

const LEVELS = Object.entries(TITLE_LEVEL_LABELS).map(([value, label]) => ({ value, label }));
const KINDS = Object.entries(TITLE_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** 往届称号: level, year, named or recertified. */
function PriorTitles({ titles, error, editable, onChange }: { titles: PriorTitle[]; error?: string; editable: boolean; onChange: (t: PriorTitle[]) => void }) {
  const [level, setLevel] = useState<TitleLevel>('county');
  const [kind, setKind] = useState<TitleKind>('named');
  const [year, setYear] = useState('');
  const [yearError, setYearError] = useState<string | undefined>();
  const add = () => {
    const checked = priorTitleSchema.shape.year.safeParse(year.trim() === '' ? undefined : Number(year.trim()));
    if (!checked.success) return setYearError(checked.error.issues[0].message);
    const y = checked.data;
    onChange([...titles, { level, year: y, kind }]);
    setYear('');
    setYearError(undefined);
  };
  return (
    <View id="form-field-priorTitles" className="prior-titles field-priorTitles">
      <View className="form-field__label prior-titles__label">往届称号</View>
      {titles.length === 0 ? <View className="prior-titles__none">无（如曾获青年文明号称号请添加）</View> : null}
      {titles.map((t, i) => (
        <View key={`${t.level}-${t.year}-${i}`} className="prior-title">
          <Text className="prior-title__text">
            {t.year}年 {TITLE_LEVEL_LABELS[t.level]}青年文明号 {TITLE_KIND_LABELS[t.kind]}
          </Text>
          {editable ? (
            <Tappable className="link link-remove-title" label={`删除${t.year}年称号`} onTap={() => onChange(titles.filter((_, j) => j !== i))}>删除</Tappable>
          ) : null}
        </View>
      ))}
      <FieldError name="priorTitles" error={error} />
      {editable ? (
        <View className="prior-titles__add">
          <ChoiceField name="titleLevel" label="级别" options={LEVELS} value={level} onChange={(v) => setLevel(v as TitleLevel)} />
          <ChoiceField name="titleKind" label="类型" options={KINDS} value={kind} onChange={(v) => setKind(v as TitleKind)} />
          <DateField name="titleYear" mode="year" label="年度" value={year} error={yearError} onChange={setYear} />
          <Button className="btn-add-title" size="small" onClick={add}>添加称号</Button>
        </View>
      ) : null}
    </View>
  );
}

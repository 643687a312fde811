import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { FieldErrors } from '../../../../shared/errors';
import { FIVE_ONE_LABELS, FIVE_ONES, type FiveOne } from '../../../../shared/domain/management/five-ones';
import { ADMINS } from '../../../../shared/domain/roles';
import { ChoiceField } from '../../components/ChoiceField';
import { confirm } from '../../components/confirm';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { firstFlagged, scrollToField } from '../../components/scroll';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { addLedgerAttachment, listLedger, openLedgerAttachment, recordLedgerEntry, removeLedgerEntry } from '../../services';
import type { LedgerEntryView } from '../../../../shared/contract/management';
import { Picture } from '../../components/Picture';
import { useLatestCampaign } from '../filings/useCampaign';
import './dashboard.css';

type Values = Record<'kind' | 'date' | 'title' | 'place' | 'participants' | 'summary', string>;
const EMPTY: Values = { kind: '', date: '', title: '', place: '', participants: '', summary: '' };
const KIND_OPTIONS = FIVE_ONES.map((kind) => ({ value: kind, label: FIVE_ONE_LABELS[kind] }));

/** An entry's photos (thumbnails) and PDFs (by name), each opened on tap; `onRemove` while still in the form. */
function Attachments({ items, onRemove }: { items: LedgerEntryView['attachments']; onRemove?: (index: number) => void }) {
  if (!items.length) return null;
  return (
    <View className="attachments">
      {items.map((item, i) => (
        <View key={item.url} className="attachment">
          {item.contentType === 'application/pdf' ? (
            <Text className="link attachment__pdf" onClick={() => void openLedgerAttachment(item)}>
              {item.name}
            </Text>
          ) : (
            <View onClick={() => void openLedgerAttachment(item)}>
              <Picture className="attachment__photo" src={item.url} alt={item.name} mode="aspectFill" />
            </View>
          )}
          {onRemove ? (
            <Text className="link attachment__remove" onClick={() => onRemove(i)}>
              移除
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/**
 * 五个一工作台账: the unit's own 专题会议, 集中培训, 检查调研, 主题创建活动 and 常态化联系平台 in this term, which
 * of the five are still missing, and a form to record one more. `?unitId=`: a unit below, read only.
 */
export default function Ledger() {
  const { params } = useRouter();
  const unitId = params.unitId || undefined;
  const guard = useSignedIn({ audiences: ADMINS });
  const { campaign, error } = useLatestCampaign(guard.state === 'ready');
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [attachments, setAttachments] = useState<LedgerEntryView['attachments']>([]);
  const { toast, show } = useToast();
  const list = usePagedList(
    (cursor) => listLedger({ campaignId: campaign?.id ?? '', unitId, cursor }),
    JSON.stringify([campaign?.id, unitId]),
    guard.state === 'ready' && !!campaign,
  );

  const own = !unitId || (guard.state === 'ready' && unitId === guard.account.unitId);
  const progress = list.first?.fiveOnes;

  const bind = (name: keyof Values) => ({ name, value: values[name], error: errors[name], required: true, onChange: (v: string) => setValues({ ...values, [name]: v }) });
  const save = async () => {
    if (!campaign) return;
    setSaving(true);
    const participants = values.participants.trim() === '' ? Number.NaN : Number(values.participants);
    const result = await recordLedgerEntry({ campaignId: campaign.id, kind: values.kind as FiveOne, date: values.date, title: values.title, place: values.place, participants, summary: values.summary, attachments });
    setSaving(false);
    if (result.ok) {
      setValues(EMPTY);
      setAttachments([]);
      setErrors({});
      show('已记录', 'success');
      list.reload();
      return;
    }
    const fields = result.error.fields ?? {};
    setErrors(fields);
    if (!Object.keys(fields).length) show(result.error.message, 'fail');
    const first = firstFlagged(Object.keys(values), fields);
    if (first) scrollToField(first);
  };
  const attach = async (kind: 'photo' | 'pdf') => {
    const result = await addLedgerAttachment(kind);
    if (!result) return;
    if (result.ok) setAttachments([...attachments, result.data.attachment]);
    else show(result.error.message, 'fail');
  };
  const remove = async (entryId: string, title: string) => {
    if (!(await confirm({ title: '删除这条记录？', content: `「${title}」将从本单位台账中删除，操作会记入操作记录。`, confirmText: '删除', danger: true }))) return;
    const result = await removeLedgerEntry({ entryId });
    show(result.ok ? '已删除' : result.error.message, result.ok ? 'success' : 'fail');
    if (result.ok) list.reload();
  };

  return (
    <GuardedScreen guard={guard} title="五个一工作台账" className="ledger" denied={ADMIN_ONLY}>
      <Notice>{error}</Notice>
      {campaign ? <View className="page-intro">{list.first?.unitName ?? ''} · {campaign.term}届次</View> : null}
      {progress ? (
        <Section title={progress.missing.length ? `五个一：已完成 ${progress.done} 项，共 5 项` : '五个一：五项齐全'} className="ledger-progress">
          <View className="five-ones">
            {FIVE_ONES.map((kind) => (
              <Text key={kind} className={`five-one five-one--${kind} ${progress.counts[kind] > 0 ? 'is-done' : ''}`}>
                {FIVE_ONE_LABELS[kind]} {progress.counts[kind]}
              </Text>
            ))}
          </View>
        </Section>
      ) : null}

      <Section title="台账记录" className="ledger-entries">
        {list.items.map((entry) => (
          <View key={entry.id} className="ledger-entry">
            <View className="ledger-entry__head">
              <Text className="ledger-entry__title">{entry.title}</Text>
              <Text className="tag ledger-entry__kind">{entry.kindLabel}</Text>
            </View>
            <View className="ledger-entry__meta">
              {entry.date} · {entry.place} · {entry.participants} 人 · 记录人 {entry.recordedByName}
            </View>
            <View className="ledger-entry__summary">{entry.summary}</View>
            <Attachments items={entry.attachments} />
            {entry.mine ? (
              <Text className="link link-remove-entry" onClick={() => void remove(entry.id, entry.title)}>
                删除
              </Text>
            ) : null}
          </View>
        ))}
        <LoadMore list={list} empty="本届尚无记录" />
      </Section>

      {own ? (
        <Section title="记录一项工作" className="ledger-form">
          <ChoiceField {...bind('kind')} label="类别" options={KIND_OPTIONS} />
          <DateField {...bind('date')} mode="date" label="日期" />
          <FormField {...bind('title')} label="名称" placeholder="如 青年文明号创建工作推进会" maxLength={60} />
          <FormField {...bind('place')} label="地点" maxLength={60} />
          <FormField {...bind('participants')} kind="integer" unit="人" label="参加人数" maxLength={6} />
          <FormField {...bind('summary')} label="内容摘要" multiline maxLength={2000} placeholder="部署了什么、培训了谁、检查了哪些集体、平台如何联系集体" />
          <View className="ledger-attachments">
            <Attachments items={attachments} onRemove={(i) => setAttachments(attachments.filter((_, j) => j !== i))} />
            {errors.attachments ? <View className="form-error">{errors.attachments}</View> : null}
            {attachments.length < 9 ? (
              <View className="ledger-attachments__add">
                <Button className="btn-add-photo" size="small" onClick={() => void attach('photo')}>
                  添加照片
                </Button>
                <Button className="btn-add-pdf" size="small" onClick={() => void attach('pdf')}>
                  添加 PDF
                </Button>
              </View>
            ) : null}
          </View>
          <View className="form-actions">
            <Button className="btn-record-entry" type="primary" block loading={saving} onClick={() => void save()}>
              记录
            </Button>
          </View>
        </Section>
      ) : null}
      {toast}
    </GuardedScreen>
  );
}

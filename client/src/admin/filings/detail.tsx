import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CallOutput } from '../../services';
import { ADMINS, ISSUERS, ROLE_LABELS, audienceOf } from '../../../../shared/domain/roles';
import { ChoiceField } from '../../components/ChoiceField';
import { Checks, Content, History, Opinions } from '../../components/FilingParts';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Screen, Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { call } from '../../services';
import { go, ROUTES } from '../../routes';
import { formatTime } from '../../format';
import { Lifecycle } from './Lifecycle';
import './filings.css';

type Loaded = CallOutput<'review', 'getFiling'>;
const DECISION_LABELS = { passUp: '初审通过，报上级', sendBack: '退回集体', approve: '通过（创建集体）', return: '退回集体', endorse: '记录市青工委意见' } as const;

/** What the reviewer is told once the decision is recorded: what happened, not just that something was saved. */
const DECISION_TOASTS = { passUp: '已报上级审核', sendBack: '已退回，集体将看到您的意见', approve: '已通过，成为创建集体', return: '已退回，集体将看到您的意见', endorse: '已记录市青工委意见' } as const;

/** One filing: profile, plan, achievements, checks, opinions and history; the caller's decision when it is theirs to make. */
export default function FilingDetail() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const guard = useSignedIn({ audiences: ADMINS });
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { toast, show } = useToast();

  const load = useCallback(async () => {
    const result = await call('review', 'getFiling', { filingId: id });
    if (result.ok) setData(result.data);
    else setError(result.error.message);
  }, [id]);
  useEffect(() => {
    if (guard.state === 'ready' && id) void load();
  }, [guard.state, id, load]);

  if (guard.state === 'unreachable') return <Screen title="报备详情"><Notice>{guard.message}</Notice></Screen>;
  if (guard.state === 'denied') return <Screen title="报备详情"><Notice>当前身份无权访问管理后台</Notice></Screen>;
  if (error && !data) return <Screen title="报备详情" className="filing-detail"><Notice>{error}</Notice></Screen>;
  if (!data) return <Screen title="报备详情" className="filing-detail"><View className="list-loading">加载中…</View></Screen>;
  const { filing, canDecide } = data;

  return (
    <Screen title="报备详情" className="filing-detail">
      <Section>
        <View className="kv">
          <Text className="kv__key">集体</Text>
          <Text className="kv__value filing-name">{filing.collective.name}</Text>
        </View>
        {filing.collective.formerNames.length ? (
          <View className="kv">
            <Text className="kv__key">曾用名称</Text>
            <Text className="kv__value former-names">{filing.collective.formerNames.join('、')}</Text>
          </View>
        ) : null}
        <View className="kv">
          <Text className="kv__key">用户名</Text>
          <Text className="kv__value">{filing.collective.code}{filing.collective.formerCodes.length ? `（原 ${filing.collective.formerCodes.join('、')}）` : ''}</Text>
        </View>
        <View className="kv">
          <Text className="kv__key">管理单位</Text>
          <Text className="kv__value">{filing.unitName}</Text>
        </View>
        <View className="kv">
          <Text className="kv__key">状态</Text>
          <Text className={`kv__value filing-status filing-status--${filing.status}`}>{filing.statusLabel}</Text>
        </View>
        {filing.stage ? (
          <View className="kv">
            <Text className="kv__key">当前环节</Text>
            <Text className="kv__value filing-stage">{filing.stageUnitName} {ROLE_LABELS[`admin${filing.stage}`]}</Text>
          </View>
        ) : null}
        {filing.collective.pendingTransfer ? (
          <View className="kv pending-transfer">
            <Text className="kv__key">转移申请</Text>
            <Text className="kv__value link" onClick={() => go(ROUTES.adminTransferRequests)}>
              {filing.collective.pendingTransfer.toUnitName} 申请接收，待审批（{formatTime(filing.collective.pendingTransfer.requestedAt)}）
            </Text>
          </View>
        ) : null}
      </Section>
      {filing.stageHasAdmin === false && filing.stage ? (
        <Notice tone="warn" className="stage-without-admin">
          {filing.stageUnitName}还没有{ROLE_LABELS[`admin${filing.stage}`]}，这份报备无人审核。
          {guard.state === 'ready' && ISSUERS.includes(audienceOf(guard.account)) && filing.stageUnitId ? (
            <Text className="link link-issue-stage-admin" onClick={() => go(ROUTES.adminIssue, { unitId: filing.stageUnitId, role: 'admin' })}>
              为该单位派发管理员
            </Text>
          ) : (
            '请联系一级管理员为该单位派发管理员用户名。'
          )}
        </Notice>
      ) : null}
      {filing.possibleDuplicates.length ? (
        <Section title="疑似重复报备（名称相同）" className="filing-duplicates">
          {filing.possibleDuplicates.map((d, i) => (
            <View key={d.collectiveId ?? i} className="duplicate-item">
              {[d.name, d.unitName, d.code].filter(Boolean).join(' · ')}
            </View>
          ))}
        </Section>
      ) : null}
      {canDecide.length ? <DecisionForm data={data} onDone={(message) => { show(message, 'success'); void load(); }} onConflict={(message) => { setError(message); void load(); }} /> : null}
      <Notice>{error}</Notice>
      {guard.state === 'ready' ? <Lifecycle me={guard.account} filing={filing} onChanged={(message) => { show(message, 'success'); void load(); }} /> : null}
      <Checks checks={filing.checks} />
      <Content filing={filing} />
      <Opinions opinions={filing.opinions} />
      <History history={filing.history} />
      <View className="form-actions">
        <Button className="btn-application-form" block onClick={() => go(ROUTES.adminApplicationForm, { id: filing.id })}>
          申报表（打印 / 导出）
        </Button>
      </View>
      {toast}
    </Screen>
  );
}

function DecisionForm({ data, onDone, onConflict }: { data: Loaded; onDone: (message: string) => void; onConflict: (message: string) => void }) {
  const { filing, canDecide } = data;
  const [decision, setDecision] = useState<string>(canDecide[0]);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const result =
      decision === 'endorse'
        ? await call('review', 'recordOfficeOpinion', { filingId: filing.id, version: filing.version, comment })
        : await call('review', 'decide', { filingId: filing.id, version: filing.version, decision: decision as 'passUp', comment });
    setBusy(false);
    if (result.ok) {
      setComment('');
      setErrors({});
      onDone(DECISION_TOASTS[decision as keyof typeof DECISION_TOASTS]);
    } else if (result.error.code === 'CONFLICT') {
      onConflict(result.error.message);
    } else {
      setErrors(result.error.fields ?? { comment: result.error.message });
    }
  };

  return (
    <Section title="审核" className="decision-form">
      <ChoiceField name="decision" label="决定" options={canDecide.map((d) => ({ value: d, label: DECISION_LABELS[d] }))} value={decision} error={errors.decision} onChange={setDecision} />
      <FormField
        name="comment"
        label={decision === 'endorse' ? '市青工委意见' : '审核意见'}
        placeholder={decision === 'return' || decision === 'sendBack' ? '请写明需要修改或补充的内容，集体将看到此意见' : '审核意见'}
        multiline
        maxLength={500}
        value={comment}
        error={errors.comment}
        onChange={setComment}
      />
      <View className="form-actions">
        <Button className="btn-decide" type="primary" block loading={busy} onClick={() => void submit()}>
          提交审核意见
        </Button>
      </View>
    </Section>
  );
}

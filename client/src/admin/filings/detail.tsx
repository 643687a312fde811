import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CallOutput } from '../../services';
import { ADMINS, ISSUERS, ROLE_LABELS, audienceOf } from '../../../../shared/domain/roles';
import { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { ChoiceField } from '../../components/ChoiceField';
import { confirm, type ConfirmOptions } from '../../components/confirm';
import { Checks, Content, History, Opinions } from '../../components/FilingParts';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { decideFiling, getFiling, recordOfficeOpinion } from '../../services';
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
  const frame = { guard, title: '报备详情', denied: ADMIN_ONLY };
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { toast, show } = useToast();

  const load = useCallback(async () => {
    const result = await getFiling({ filingId: id });
    if (result.ok) setData(result.data);
    else setError(result.error.message);
  }, [id]);
  useEffect(() => {
    if (guard.state === 'ready' && id) void load();
  }, [guard.state, id, load]);

  if (error && !data) return <GuardedScreen {...frame} className="filing-detail"><Notice>{error}</Notice></GuardedScreen>;
  if (!data) return <GuardedScreen {...frame} className="filing-detail"><View className="list-loading">加载中…</View></GuardedScreen>;
  const { filing, canDecide } = data;

  return (
    <GuardedScreen {...frame} className="filing-detail">
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
      {canDecide.length ? (
        <DecisionForm
          key={filing.version}
          data={data}
          onDone={(message) => {
            show(message, 'success');
            void load();
          }}
          onConflict={(message) => {
            setError(message);
            void load();
          }}
        />
      ) : null}
      {toast}
    </GuardedScreen>
  );
}

type Decision = keyof typeof DECISION_LABELS;

/** The contract's decision input, with the office's 记录市青工委意见 (its own action) as one more choice. */
const DECISION_FORM = contract.review.decide.input.extend({
  decision: z.enum(['passUp', 'sendBack', 'approve', 'return', 'endorse'], { error: '审核决定：请选择' }),
});

/** What each decision asks before it is recorded: who it reaches and that it cannot be taken back. */
function confirmation(decision: Decision, name: string): ConfirmOptions {
  switch (decision) {
    case 'approve':
      return { title: '确认通过？', content: `「${name}」将成为创建集体，并通知该集体。审核决定提交后不能撤回。`, confirmText: '通过' };
    case 'return':
    case 'sendBack':
      return { title: '确认退回？', content: `报备将退回「${name}」修改，集体将看到审核意见。`, confirmText: '退回', danger: true };
    case 'passUp':
      return { title: '确认报上级？', content: '报备将交上级管理单位审核，提交后不能撤回。', confirmText: '报上级' };
    case 'endorse':
      return { title: '确认记录意见？', content: '意见将写入申报表的市青工委意见栏。', confirmText: '记录' };
  }
}

/**
 * The reviewer's decision, under the material it is about: nothing is picked until the reviewer picks, and
 * the submit stays at the bottom of the screen while they read.
 */
function DecisionForm({ data, onDone, onConflict }: { data: Loaded; onDone: (message: string) => void; onConflict: (message: string) => void }) {
  const { filing, canDecide } = data;
  const form = useForm(DECISION_FORM, {
    initial: { decision: '', comment: '' },
    fixed: { filingId: filing.id, version: filing.version },
  });
  const decision = form.values.decision as Decision | '';
  const endorsing = decision === 'endorse';

  const submit = async () => {
    if (!form.validate() || !decision || !(await confirm(confirmation(decision, filing.collective.name)))) return;
    const result = await form.submit(({ decision: picked, ...input }) =>
      picked === 'endorse' ? recordOfficeOpinion(input) : decideFiling({ ...input, decision: picked }),
    );
    if (result?.ok) onDone(DECISION_TOASTS[decision]);
    else if (result && result.error.code === 'CONFLICT') onConflict(result.error.message);
  };

  return (
    <Section title="审核" className="decision-form">
      <ChoiceField
        {...form.field('decision')}
        label="决定"
        options={canDecide.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
        onChange={(v) => form.set('decision', v)}
      />
      <FormField
        {...form.field('comment')}
        label={endorsing ? '市青工委意见' : '审核意见'}
        placeholder={decision === 'return' || decision === 'sendBack' ? '请写明需要修改或补充的内容，集体将看到此意见' : '审核意见'}
        multiline
        maxLength={500}
      />
      <Notice>{form.notice}</Notice>
      <View className="decision-bar">
        <Button className="btn-decide" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          {decision ? `提交：${DECISION_LABELS[decision]}` : '提交审核意见'}
        </Button>
      </View>
    </Section>
  );
}

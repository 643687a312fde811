import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { supervision, type SupervisorView } from '../../../../shared/contract/evaluation-supervision';
import { ADMINS } from '../../../../shared/domain/roles';
import { confirm } from '../../components/confirm';
import { FormField } from '../../components/FormField';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { Tappable } from '../../components/Tappable';
import { UnitField, type RootUnit } from '../../components/UnitField';
import { useForm } from '../../hooks/useForm';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { chinaTime } from '../../openweek-format';
import { appointSupervisor, revokeSupervisor, unitSupervisors, type CallOutput } from '../../services';
import { go, ROUTES } from '../../routes';
import '../../components/openweek.css';
import '../../components/evaluation.css';
import '../../components/supervision.css';

type Invitation = CallOutput<'evaluation', 'appointSupervisor'>;

/** The code and link just issued: shown once (only its hash is kept), to copy and send to the person. */
function InvitationPanel({ issued }: { issued: Invitation }) {
  const { supervisor, invitation } = issued;
  const text = `${supervisor.unit.name}邀请您担任社会监督员。\n邀请码：${invitation.code}\n网页：${invitation.link}\n小程序：我的 → 我的监督，输入邀请码。\n有效期至 ${chinaTime(invitation.expiresAt)}，仅可使用一次。`;
  return (
    <View className="otp-panel invitation-panel">
      <View className="otp-panel__title">已聘任「{supervisor.name}」，请将邀请转交本人</View>
      <View className="otp-panel__row">
        <Text className="otp-panel__label">邀请码</Text>
        <Text className="otp-panel__value invitation-code" userSelect>{invitation.code}</Text>
      </View>
      <View className="otp-panel__row">
        <Text className="otp-panel__label">网页链接</Text>
        <Text className="otp-panel__value invitation-link" userSelect>{invitation.link}</Text>
      </View>
      <View className="otp-panel__warn">
        邀请码只显示这一次，有效期至 {chinaTime(invitation.expiresAt)}，仅可使用一次。本人在小程序“我的 → 我的监督”输入邀请码，或在浏览器中打开链接接受。
      </View>
      <Button className="btn-copy-invitation" type="primary" block onClick={() => void Taro.setClipboardData({ data: text })}>
        复制邀请
      </Button>
    </View>
  );
}

function SupervisorRow({ s, onRevoke }: { s: SupervisorView; onRevoke: (s: SupervisorView) => void }) {
  return (
    <View className={`case-card supervisor-row supervisor-row--${s.status}`}>
      <View className="evaluation-card__heading supervisor-name">{s.name}</View>
      <View className="case-card__due">
        {s.unit.name} · <Text className="supervisor-status">{s.statusLabel}</Text>
      </View>
      <View className="case-card__due">
        聘任于 {chinaTime(s.appointedAt)}
        {s.status === 'invited' ? ` · 邀请有效期至 ${chinaTime(s.invitationExpiresAt)}` : ''}
        {s.revokedAt ? ` · 撤销于 ${chinaTime(s.revokedAt)}` : ''}
      </View>
      <View className="case-card__due supervisor-counts">
        提交报告 {s.reports} 份，已转发 {s.forwarded} 份
      </View>
      {s.status !== 'revoked' ? (
        <Tappable className="link btn-revoke-supervisor" onTap={() => onRevoke(s)}>
          撤销
        </Tappable>
      ) : null}
    </View>
  );
}

/**
 * The appointment form: the unit (the admin's own to start with, or one below it, which the action checks
 * is in their subtree) and the name the supervisor is known by. After an appointment the unit stays
 * chosen for the next one.
 */
function AppointForm({ own, onAppointed }: { own: RootUnit; onAppointed: () => void }) {
  const [issued, setIssued] = useState<Invitation | null>(null);
  const form = useForm(supervision.appointSupervisor.input, { initial: { unitId: own.id, name: '' } });

  const appoint = async () => {
    const result = await form.submit((input) => appointSupervisor(input));
    if (result?.ok) {
      setIssued(result.data);
      form.reset({ unitId: form.values.unitId, name: '' });
      onAppointed();
    }
  };
  return (
    <Section title="聘任社会监督员" className="appoint-supervisor">
      {issued ? <InvitationPanel issued={issued} /> : null}
      <UnitField {...form.field('unitId')} label="聘任单位" root={own} />
      <FormField {...form.field('name')} label="监督员姓名" placeholder="仅本单位及上级管理员可见" maxLength={20} />
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-appoint" type="primary" block loading={form.submitting} onClick={() => void appoint()}>
          生成邀请码
        </Button>
      </View>
    </Section>
  );
}

/**
 * 社会监督员: an admin appoints one for their own unit or a unit below it (a one-time invitation code the
 * person redeems as themselves), and lists and revokes those of their subtree. Every appointment and
 * revocation is audited.
 */
export default function Supervisors() {
  const guard = useSignedIn({ audiences: ADMINS });
  const [generation, setGeneration] = useState(0);
  const { toast, show } = useToast();
  const list = usePagedList((cursor) => unitSupervisors({ cursor }), `supervisors-${generation}`, guard.state === 'ready');

  const revoke = async (s: SupervisorView) => {
    if (!(await confirm({ title: `撤销「${s.name}」？`, content: '撤销后不能再提交明察暗访报告，未使用的邀请码随之作废；已提交的报告仍由本单位处理。', confirmText: '撤销', danger: true }))) return;
    const result = await revokeSupervisor({ supervisorId: s.id });
    if (result.ok) setGeneration((g) => g + 1);
    else show(result.error.message, 'fail');
  };

  return (
    <GuardedScreen guard={guard} title="社会监督员" className="admin-supervisors" denied={ADMIN_ONLY}>
      <Tappable className="link link-reports" onTap={() => go(ROUTES.adminSupervisionReports)}>
        明察暗访报告（转发或不转发）›
      </Tappable>
      {guard.state === 'ready' ? (
        <AppointForm own={{ id: guard.account.unitId, name: guard.account.unitName, level: guard.account.level ?? 0 }} onAppointed={() => setGeneration((g) => g + 1)} />
      ) : null}
      <Section title="已聘任" className="supervisor-list">
        {list.items.map((s) => (
          <SupervisorRow key={s.id} s={s} onRevoke={(x) => void revoke(x)} />
        ))}
        <LoadMore list={list} empty="尚未聘任社会监督员" />
      </Section>
      {toast}
    </GuardedScreen>
  );
}

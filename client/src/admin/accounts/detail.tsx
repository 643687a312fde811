import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract, type AccountView } from '../../../../shared/contract';
import type { Envelope } from '../../../../shared/envelope';
import { ADMINS, ISSUERS, audienceOf, type Audience } from '../../../../shared/domain/roles';
import { StatusTag } from '../../components/AccountRow';
import { AuditRow } from '../../components/AuditRow';
import { confirm } from '../../components/confirm';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { OneTimePassword } from '../../components/OneTimePassword';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { cancelAccount, getAccount, listAudit, lockAccount, resetAccountPassword, unbindWechat, unlockAccount } from '../../services';
import { isTemporarilyLocked } from '../../../../shared/domain/sign-in-lock';
import { formatTime, roleLabel } from '../../format';
import './detail.css';

/** Which of the reasoned actions has its form open. */
type Panel = 'lock' | 'cancel' | null;

/** One account (`?id=`): its record, what the caller may do to it, and its history. */
export default function AccountDetail() {
  const { params } = useRouter();
  const accountId = params.id ?? '';
  const guard = useSignedIn({ audiences: ADMINS });
  const frame = { guard, title: '帐号详情', denied: ADMIN_ONLY };
  const ready = guard.state === 'ready';
  const [account, setAccount] = useState<AccountView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const { toast, show } = useToast();
  const audit = usePagedList((cursor) => listAudit({ objectId: accountId, cursor }), accountId, ready);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    void getAccount({ accountId }).then((result) => {
      if (!live) return;
      if (result.ok) setAccount(result.data.account);
      else setLoadError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [ready, accountId]);

  const lockForm = useForm(contract.admin.lockAccount.input, { initial: { reason: '' }, fixed: { accountId } });
  const cancelForm = useForm(contract.admin.cancelAccount.input, { initial: { reason: '' }, fixed: { accountId } });

  if (loadError) return <GuardedScreen {...frame}><Notice>{loadError}</Notice></GuardedScreen>;
  if (!ready || !account) return <GuardedScreen {...frame}><View className="list-foot">加载中…</View></GuardedScreen>;

  const viewer: Audience = audienceOf(guard.account);
  const isIssuer = ISSUERS.includes(viewer);
  const isSelf = guard.account.id === account.id;
  const cancelled = account.status === 'cancelled';
  const tempLocked = isTemporarilyLocked(account, new Date());

  /** Runs one action on this account; its answer replaces the shown record. */
  const act = async (
    run: () => Promise<Envelope<{ account: AccountView; oneTimePassword?: string }>>,
    done: string,
  ) => {
    setBusy(true);
    setActionError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) {
      setActionError(result.error.message);
      return false;
    }
    setAccount(result.data.account);
    if (result.data.oneTimePassword) setOneTimePassword(result.data.oneTimePassword);
    show(done, 'success');
    audit.reload();
    return true;
  };

  const resetPassword = async () => {
    const sure = await confirm({
      title: '确认重置密码？',
      content: `将为「${account.name}」生成新的初始密码，原密码立即失效。`,
      confirmText: '重置',
    });
    if (sure) await act(() => resetAccountPassword({ accountId }), '已重置密码');
  };
  const unlock = () => act(() => unlockAccount({ accountId }), '已解锁');
  const unbind = () => act(() => unbindWechat({ accountId }), '已解除微信绑定');
  const lock = async () => {
    const result = await lockForm.submit((input) => lockAccount(input));
    if (result?.ok) {
      setAccount(result.data.account);
      setPanel(null);
      lockForm.reset();
      show('已锁定', 'success');
      audit.reload();
    }
  };
  /** Validates the reason first, then asks for confirmation in a dialog. */
  const cancel = async () => {
    if (!cancelForm.validate()) return;
    const sure = await confirm({
      title: '确认注销？',
      content: `确定注销「${account.name}」（${account.code}）？注销后不能再登录。`,
      confirmText: '注销',
      danger: true,
    });
    if (!sure) return;
    const result = await cancelForm.submit((input) => cancelAccount(input));
    if (result?.ok) {
      setAccount(result.data.account);
      setPanel(null);
      show('已注销', 'success');
      audit.reload();
    }
  };

  return (
    <GuardedScreen {...frame} className="account-detail">
      <Section className="account-info">
        <View className="account-info__head">
          <Text className="account-info__name account-name">{account.name}</Text>
          <StatusTag status={account.status} />
        </View>
        <Row label="用户名" value={account.code} className="account-code" />
        <Row label="帐号类型" value={roleLabel(account)} className="account-role" />
        <Row label="所属单位" value={account.unitName} className="account-unit" />
        <Row label="保密邮箱" value={account.recoveryEmailMasked ?? '未设置'} className="account-email" />
        <Row label="微信绑定" value={account.wechatBound ? '已绑定' : '未绑定'} className="account-wechat" />
        <Row label="初始密码" value={account.mustChangePassword ? '尚未修改' : '已修改'} className="account-must-change" />
        {tempLocked ? (
          <Row label="临时锁定至" value={formatTime(account.lockedUntil)} className="account-locked-until" />
        ) : null}
        <Row label="创建时间" value={formatTime(account.createdAt)} className="account-created" />
      </Section>

      {oneTimePassword ? (
        <OneTimePassword account={account} password={oneTimePassword} title="新的初始密码" />
      ) : null}

      <Notice>{actionError}</Notice>

      {cancelled ? (
        <Notice tone="info">该用户名已注销，不能再登录；历史记录保留。</Notice>
      ) : isIssuer && !isSelf ? (
        <Section title="管理操作" className="account-actions">
          <View className="action-buttons">
            <Button className="btn-reset-password" size="small" disabled={busy} onClick={() => void resetPassword()}>
              重置密码
            </Button>
            {account.status === 'locked' || tempLocked ? (
              <Button className="btn-unlock" size="small" disabled={busy} onClick={() => void unlock()}>
                解锁
              </Button>
            ) : null}
            {account.status === 'active' ? (
              <Button className="btn-lock" size="small" disabled={busy} onClick={() => setPanel(panel === 'lock' ? null : 'lock')}>
                锁定
              </Button>
            ) : null}
            {account.wechatBound ? (
              <Button className="btn-unbind" size="small" disabled={busy} onClick={() => void unbind()}>
                解除微信绑定
              </Button>
            ) : null}
            {viewer === 'office' ? (
              <Button className="btn-cancel-account" size="small" type="danger" fill="outline" disabled={busy} onClick={() => setPanel(panel === 'cancel' ? null : 'cancel')}>
                注销
              </Button>
            ) : null}
          </View>

          {panel === 'lock' ? (
            <View className="action-panel lock-panel">
              <FormField {...lockForm.field('reason')} label="锁定原因" placeholder="2至200个字" maxLength={200} multiline />
              <Notice>{lockForm.notice}</Notice>
              <View className="form-actions">
                <Button className="btn-confirm-lock" type="primary" block loading={lockForm.submitting} onClick={() => void lock()}>
                  确认锁定
                </Button>
              </View>
            </View>
          ) : null}

          {panel === 'cancel' ? (
            <View className="action-panel cancel-panel">
              <Notice tone="warn">注销后该用户名不能再登录，历史记录保留。此操作由组委会办公室审定，不可撤销。</Notice>
              <FormField {...cancelForm.field('reason')} label="注销原因" placeholder="2至200个字" maxLength={200} multiline />
              <Notice>{cancelForm.notice}</Notice>
              <View className="form-actions">
                <Button className="btn-confirm-cancel" type="danger" block loading={cancelForm.submitting} onClick={() => void cancel()}>
                  注销用户名
                </Button>
              </View>
            </View>
          ) : null}
        </Section>
      ) : null}

      <Section title="操作记录" className="account-audit">
        {audit.items.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
        <LoadMore list={audit} empty="暂无操作记录" />
      </Section>

      {toast}
    </GuardedScreen>
  );
}

function Row({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`kv ${className}`}>
      <Text className="kv__key">{label}</Text>
      <Text className="kv__value">{value}</Text>
    </View>
  );
}

import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { AccountView } from '../../../../shared/contract';
import type { FilingView } from '../../../../shared/contract/filing-views';
import { audienceOf, ISSUERS } from '../../../../shared/domain/roles';
import { ChoiceField } from '../../components/ChoiceField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { OneTimePassword } from '../../components/OneTimePassword';
import { Section } from '../../components/Screen';
import { renameCollective, requestRevocation, restructureCollective, type CallOutput } from '../../services';

type Action = 'rename' | 'restructure' | 'revoke';
const LABELS: Record<Action, string> = { rename: '名称变更', restructure: '集体重组（合并或成员变动过半）', revoke: '申请取消创建资格' };

/**
 * Changes over a collective's life (the notice's 操作注意事项 4–5): rename keeping the former name,
 * restructure as a new collective, or ask the office to revoke the eligibility.
 */
export function Lifecycle({ me, filing, onChanged }: { me: AccountView; filing: FilingView; onChanged: (message: string) => void }) {
  const issuer = ISSUERS.includes(audienceOf(me));
  const live = filing.collective.status === 'active';
  const revocable = ['filed', 'reviewing', 'returned', 'approved'].includes(filing.status) && filing.revocation?.status !== 'pending';
  const actions = ([issuer && live ? 'rename' : null, issuer && live ? 'restructure' : null, revocable ? 'revoke' : null].filter(Boolean) as Action[]);
  const [action, setAction] = useState<Action | ''>('');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [issued, setIssued] = useState<CallOutput<'review', 'restructureCollective'> | null>(null);
  const [busy, setBusy] = useState(false);
  if (actions.length === 0 && !issued) return null;

  const run = async () => {
    if (!action || busy) return;
    setBusy(true);
    setNotice(null);
    const id = filing.collective.id;
    const result =
      action === 'rename'
        ? await renameCollective({ collectiveId: id, name: text, reason })
        : action === 'restructure'
          ? await restructureCollective({ collectiveId: id, newName: text, reason })
          : await requestRevocation({ filingId: filing.id, reasons: reason });
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors({ text: fields.name ?? fields.newName ?? '', reason: fields.reason ?? fields.reasons ?? '' });
      if (!result.error.fields) setNotice(result.error.message);
      return;
    }
    setErrors({});
    setText('');
    setReason('');
    if (action === 'restructure') setIssued(result.data as CallOutput<'review', 'restructureCollective'>);
    onChanged(action === 'rename' ? '名称已变更，原名称保留为曾用名称' : action === 'restructure' ? '原集体已关闭，已为新集体派发用户名' : '已提交组委会办公室审定');
    setAction('');
  };

  return (
    <Section title="集体变更" className="lifecycle">
      {issued ? <OneTimePassword account={issued.account} password={issued.oneTimePassword} title="新集体的用户名和初始密码" /> : null}
      {actions.length ? (
        <ChoiceField name="lifecycleAction" label="操作" options={actions.map((a) => ({ value: a, label: LABELS[a] }))} value={action} onChange={(v) => setAction(v as Action)} />
      ) : null}
      {action === 'rename' || action === 'restructure' ? (
        <FormField name="lifecycleName" label={action === 'rename' ? '新名称' : '新集体名称'} value={text} error={errors.text || undefined} maxLength={60} onChange={setText} />
      ) : null}
      {action ? (
        <FormField
          name="lifecycleReason"
          label={action === 'revoke' ? '理由' : '说明'}
          placeholder={action === 'revoke' ? '工作严重滑坡、重大事故、违法违纪等情况' : '变更原因'}
          multiline
          maxLength={500}
          value={reason}
          error={errors.reason || undefined}
          onChange={setReason}
        />
      ) : null}
      <Notice>{notice}</Notice>
      {action ? (
        <View className="form-actions">
          <Button className="btn-lifecycle" type="primary" fill="outline" block loading={busy} onClick={() => void run()}>
            {LABELS[action]}
          </Button>
        </View>
      ) : null}
    </Section>
  );
}

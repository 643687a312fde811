import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract, type UnitView } from '../../../../shared/contract';
import { ISSUERS } from '../../../../shared/domain/roles';
import { ChoiceField } from '../../components/ChoiceField';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { OneTimePassword } from '../../components/OneTimePassword';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { createAccount, listUnits, type CallOutput } from '../../services';
import { go, replace, ROUTES } from '../../routes';

const ROLE_CHOICES = [
  { value: 'collective', label: '集体' },
  { value: 'admin', label: '管理员' },
] as const;

/** Issue a code (用户名) in a unit: `?unitId=`, or the caller's own unit; `?role=admin` starts with 管理员 chosen. */
export default function Issue() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ISSUERS });
  const frame = { guard, title: '派发用户名', denied: '只有组委会办公室和一级管理员可以派发用户名' };
  const unitId = params.unitId || (guard.state === 'ready' ? guard.account.unitId : '');
  const unit = useUnit(guard.state === 'ready' ? unitId : '');
  const [issued, setIssued] = useState<CallOutput<'admin', 'createAccount'> | null>(null);
  const form = useForm(contract.admin.createAccount.input, {
    // `?role=admin`: opened from a filing that waits for a unit without an admin.
    initial: { role: params.role === 'admin' ? 'admin' : 'collective', name: '', recoveryEmail: '' },
    fixed: { unitId },
    optional: ['recoveryEmail'],
  });


  const submit = async () => {
    const result = await form.submit((input) => createAccount(input));
    if (result?.ok) setIssued(result.data);
  };

  if (issued) {
    return (
      <GuardedScreen {...frame} className="issue issue--done">
        <Notice tone="success" className="result-message">
          已为「{issued.account.name}」派发用户名
        </Notice>
        <OneTimePassword account={issued.account} password={issued.oneTimePassword} title="用户名和初始密码" />
        <View className="form-actions">
          <Button
            className="btn-issue-another"
            type="primary"
            fill="outline"
            block
            onClick={() => {
              setIssued(null);
              form.reset();
            }}
          >
            继续派发
          </Button>
          <Button className="btn-view-account" block onClick={() => replace(ROUTES.adminAccount, { id: issued.account.id })}>
            查看帐号
          </Button>
        </View>
      </GuardedScreen>
    );
  }

  return (
    <GuardedScreen {...frame} className="issue">
      <View className="page-intro">
        为所属单位的管理员或青年集体生成用户名（编码）和一次性初始密码，持有人首次登录须修改密码。
      </View>
      <Section>
        <View className="kv">
          <Text className="kv__key">所属单位</Text>
          <Text className="kv__value issue-unit">{unit.unit?.name ?? (unit.error || '…')}</Text>
          <Text className="link link-pick-unit" onClick={() => go(ROUTES.adminUnits, { parentId: unitId })}>
            选择其他单位
          </Text>
        </View>
        <ChoiceField {...form.field('role')} label="帐号类型" options={ROLE_CHOICES} />
        <FormField
          {...form.field('name')}
          label="名称"
          placeholder={form.values.role === 'admin' ? '管理员姓名或岗位' : '集体全称，2至60个字'}
          maxLength={60}
        />
        <FormField {...form.field('recoveryEmail')} label="保密邮箱" placeholder="选填，可由持有人登录后设置" maxLength={120} />
      </Section>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          派发
        </Button>
      </View>
    </GuardedScreen>
  );
}

/** The unit's name, read through `admin.listUnits` (its `parent` is the unit asked for). */
function useUnit(unitId: string): { unit: UnitView | null; error: string | null } {
  const [state, setState] = useState<{ unit: UnitView | null; error: string | null }>({ unit: null, error: null });
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    void listUnits({ parentId: unitId, limit: 1 }).then((result) => {
      if (live) setState(result.ok ? { unit: result.data.parent, error: null } : { unit: null, error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [unitId]);
  return state;
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { setRecoveryEmail } from '../../services';
import { back } from '../../routes';

export default function RecoveryEmail() {
  const guard = useSignedIn();
  const form = useForm(contract.account.setRecoveryEmail.input, { initial: { email: '', password: '' } });
  const [saved, setSaved] = useState(false);

  const submit = async () => {
    setSaved(false);
    const result = await form.submit(setRecoveryEmail);
    if (result?.ok) {
      setSaved(true);
      form.reset({ email: '', password: '' });
    }
  };


  return (
    <GuardedScreen guard={guard} title="设置保密邮箱" className="recovery-email">
      <View className="page-intro">
        保密邮箱用于找回用户名和重置密码，只有您本人知道。当前：
        <Text className="current-email">
          {guard.state === 'ready' ? (guard.account.recoveryEmailMasked ?? '未设置') : '…'}
        </Text>
      </View>
      {saved ? (
        <Notice tone="success" className="result-message">
          保密邮箱已保存
        </Notice>
      ) : null}
      <Section>
        <FormField {...form.field('email')} label="保密邮箱" placeholder="例如 name@example.com" maxLength={120} />
        <FormField {...form.field('password')} label="当前密码" kind="password" placeholder="请输入当前密码以确认" />
      </Section>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button
          className="btn-submit"
          type="primary"
          block
          disabled={guard.state !== 'ready'}
          loading={form.submitting}
          onClick={() => void submit()}
        >
          保存
        </Button>
        <Button className="btn-back" block onClick={back}>
          返回
        </Button>
      </View>
    </GuardedScreen>
  );
}

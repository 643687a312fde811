import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Screen, Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { requestCodeReminder, requestPasswordReset } from '../../services';
import { replace, ROUTES } from '../../routes';

type Mode = 'code' | 'password';

const MODES: Record<Mode, { title: string; intro: string; button: string; action: 'requestCodeReminder' | 'requestPasswordReset' }> = {
  code: {
    title: '找回帐号',
    intro: '输入帐号设置的保密邮箱，用户名将发送到该邮箱。',
    button: '发送用户名',
    action: 'requestCodeReminder',
  },
  password: {
    title: '找回密码',
    intro: '输入帐号设置的保密邮箱，我们会发送一个30分钟内有效的重置链接。',
    button: '发送重置链接',
    action: 'requestPasswordReset',
  },
};

export default function Forgot() {
  const { params } = useRouter();
  const mode: Mode = params.mode === 'code' ? 'code' : 'password';
  const spec = MODES[mode];
  // Both actions take the same input; the schema of the one this page runs validates it.
  const form = useForm(contract.account[spec.action].input, { initial: { email: '' } });
  const [answer, setAnswer] = useState<string | null>(null);

  const submit = async () => {
    const result = await form.submit(spec.action === 'requestCodeReminder' ? requestCodeReminder : requestPasswordReset);
    if (result?.ok) setAnswer(result.data.message);
  };

  return (
    <Screen title={spec.title} className={`forgot forgot--${mode}`}>
      <View className="page-intro">{spec.intro}</View>
      <Section>
        <FormField {...form.field('email')} label="保密邮箱" placeholder="例如 name@example.com" maxLength={120} />
      </Section>
      <Notice>{form.notice}</Notice>
      {answer ? (
        <Notice tone="success" className="result-message">
          {answer}
        </Notice>
      ) : null}
      <View className="form-actions">
        <Button className="btn-submit" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          {spec.button}
        </Button>
      </View>
      <View className="links">
        {mode === 'code' ? (
          <Text className="link link-mode-password" onClick={() => replace(ROUTES.forgot, { mode: 'password' })}>
            找回密码
          </Text>
        ) : (
          <Text className="link link-mode-code" onClick={() => replace(ROUTES.forgot, { mode: 'code' })}>
            找回帐号
          </Text>
        )}
        <Text className="link link-sign-in" onClick={() => replace(ROUTES.signIn)}>
          返回登录
        </Text>
      </View>
      <View className="page-foot-note">没有设置保密邮箱？请联系上级管理单位重置密码。</View>
    </Screen>
  );
}

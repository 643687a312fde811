import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { PASSWORD_RULE } from '../../../../shared/domain/password-policy';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Screen, Section } from '../../components/Screen';
import { mustMatch, useForm } from '../../hooks/useForm';
import { resetPasswordByLink } from '../../services';
import { go, replace, restart, ROUTES } from '../../routes';

/** Opened from the link in the reset e-mail: `…/pages/auth/reset-password?token=…`. */
export default function ResetPassword() {
  const { params } = useRouter();
  const token = params.token ? decodeURIComponent(params.token) : '';
  const form = useForm(contract.account.resetPassword.input, {
    initial: { newPassword: '', confirmPassword: '' },
    fixed: { token },
    check: mustMatch('confirmPassword', 'newPassword', '确认新密码', '两次输入的新密码不一致'),
  });
  const [code, setCode] = useState<string | null>(null);

  const submit = async () => {
    const result = await form.submit((input) => resetPasswordByLink(input));
    if (result?.ok) setCode(result.data.code);
  };

  if (code) {
    return (
      <Screen title="重置密码" className="reset-password reset-password--done">
        <Notice tone="success" className="result-message">
          密码已重置。您的用户名是 <Text className="result-code">{code}</Text>，请使用新密码登录。
        </Notice>
        <View className="form-actions">
          <Button className="btn-sign-in" type="primary" block onClick={() => restart(ROUTES.signIn)}>
            去登录
          </Button>
        </View>
      </Screen>
    );
  }

  return (
    <Screen title="重置密码" className="reset-password">
      {token ? null : <Notice tone="warn">链接不完整，请从邮件中的链接打开本页，或重新申请找回密码。</Notice>}
      <Section>
        <FormField {...form.field('newPassword')} label="新密码" kind="password" hint={PASSWORD_RULE} />
        <FormField {...form.field('confirmPassword')} label="确认新密码" kind="password" placeholder="请再次输入新密码" />
      </Section>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          重置密码
        </Button>
      </View>
      <View className="links">
        <Text className="link link-forgot-password" onClick={() => replace(ROUTES.forgot, { mode: 'password' })}>
          重新申请
        </Text>
        <Text className="link link-sign-in" onClick={() => go(ROUTES.signIn)}>
          去登录
        </Text>
      </View>
    </Screen>
  );
}

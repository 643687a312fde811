import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { PASSWORD_RULE } from '../../../../shared/domain/password-policy';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { mustMatch, useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { changePassword } from '../../services';
import { restart, ROUTES } from '../../routes';
import { takeCarriedPassword } from './typed-password';

/** How long 密码已修改 shows before the app starts over at home (WeChat's toast length). */
const TOAST_MS = 1500;

export default function ChangePassword() {
  const guard = useSignedIn({ allowMustChange: true });
  const { toast, show } = useToast();
  // Straight from sign-in, the one-time password was just typed: it is not asked again.
  const [carried] = useState(takeCarriedPassword);
  const form = useForm(contract.account.changePassword.input, {
    initial: { oldPassword: carried ?? '', newPassword: '', confirmPassword: '' },
    check: mustMatch('confirmPassword', 'newPassword', '确认新密码', '两次输入的新密码不一致'),
  });

  const submit = async () => {
    const result = await form.submit(changePassword);
    if (result?.ok) {
      show('密码已修改', 'success');
      setTimeout(() => restart(ROUTES.mine), TOAST_MS);
    }
  };

  const first = guard.state === 'ready' && guard.account.mustChangePassword;

  return (
    <GuardedScreen guard={guard} title="修改密码" className="change-password">
      {first ? <Notice tone="warn" className="must-change">首次登录请修改初始密码</Notice> : null}
      <Section>
        {carried && !form.errors.oldPassword ? null : (
          <FormField
            {...form.field('oldPassword')}
            label={first ? '初始密码' : '当前密码'}
            kind="password"
            placeholder={first ? '请输入初始密码' : '请输入当前密码'}
          />
        )}
        <FormField {...form.field('newPassword')} label="新密码" kind="password" hint={PASSWORD_RULE} />
        <FormField {...form.field('confirmPassword')} label="确认新密码" kind="password" placeholder="请再次输入新密码" />
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
          确认修改
        </Button>
      </View>
      {toast}
    </GuardedScreen>
  );
}

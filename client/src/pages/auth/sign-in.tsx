import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { RecoveryLinks } from '../../components/RecoveryLinks';
import { Screen, Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { signIn } from '../../services';
import { isAppUrl, replace, restart, restartAtUrl, ROUTES } from '../../routes';
import { carryPassword } from './typed-password';

export default function SignIn() {
  const { params } = useRouter();
  const redirect = params.redirect ? decodeURIComponent(params.redirect) : undefined;
  const form = useForm(contract.account.signIn.input, { initial: { code: '', password: '' } });

  const submit = async () => {
    const result = await form.submit(signIn);
    if (!result?.ok) return;
    if (result.data.account.mustChangePassword) {
      carryPassword(form.values.password);
      replace(ROUTES.changePassword);
    }
    else if (isAppUrl(redirect)) restartAtUrl(redirect);
    else restart(ROUTES.mine);
  };

  return (
    <Screen title="登录" className="sign-in">
      <View className="page-intro">使用上级管理单位派发的用户名和密码登录。</View>
      <Section>
        <FormField {...form.field('code')} label="用户名" placeholder="请输入用户名（编码）" maxLength={32} />
        <FormField {...form.field('password')} label="密码" kind="password" placeholder="请输入密码" />
      </Section>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          登录
        </Button>
      </View>
      <RecoveryLinks />
    </Screen>
  );
}


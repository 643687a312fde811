import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { AccountView } from '../../../shared/contract';

/**
 * The one-time password, shown once to the admin who issued or reset it. It is not kept anywhere on the
 * client: leaving the page loses it, which the panel says plainly.
 */
export function OneTimePassword({ account, password, title }: { account: AccountView; password: string; title: string }) {
  const copy = () => {
    void Taro.setClipboardData({
      data: `名称：${account.name}\n用户名：${account.code}\n初始密码：${password}\n首次登录须修改初始密码。`,
    });
  };
  return (
    <View className="otp-panel">
      <View className="otp-panel__title">{title}</View>
      <View className="otp-panel__row">
        <Text className="otp-panel__label">名称</Text>
        <Text className="otp-panel__value otp-name">{account.name}</Text>
      </View>
      <View className="otp-panel__row">
        <Text className="otp-panel__label">用户名</Text>
        <Text className="otp-panel__value otp-code" userSelect>
          {account.code}
        </Text>
      </View>
      <View className="otp-panel__row">
        <Text className="otp-panel__label">初始密码</Text>
        <Text className="otp-panel__value otp-password" userSelect>
          {password}
        </Text>
      </View>
      <View className="otp-panel__warn">初始密码只显示这一次，离开本页后无法再次查看。请立即复制并当面或通过可靠渠道转交；持有人首次登录须修改初始密码。</View>
      <Button className="btn-copy" type="primary" block onClick={copy}>
        复制
      </Button>
    </View>
  );
}

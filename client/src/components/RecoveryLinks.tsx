import { Text, View } from '@tarojs/components';
import { go, ROUTES } from '../routes';

/** 找回帐号 / 找回密码, wherever someone might be stuck at sign-in. */
export function RecoveryLinks() {
  return (
    <View className="links">
      <Text className="link link-forgot-code" onClick={() => go(ROUTES.forgot, { mode: 'code' })}>
        找回帐号
      </Text>
      <Text className="link link-forgot-password" onClick={() => go(ROUTES.forgot, { mode: 'password' })}>
        找回密码
      </Text>
    </View>
  );
}

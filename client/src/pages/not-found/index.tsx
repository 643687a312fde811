import { View } from '@tarojs/components';
import { LoadFailed } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';

/** Where an unknown address (an old share card, a mistyped link) lands instead of a blank page. */
export default function NotFound() {
  return (
    <Screen title="页面不存在" className="not-found">
      <View className="not-found__title">找不到这个页面</View>
      <LoadFailed message="链接可能已失效，或页面已经移走。" />
    </Screen>
  );
}

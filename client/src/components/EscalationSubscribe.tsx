import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { askEscalationSubscription } from '../services';

/**
 * On an admin's 差评 or complaint queue in the mini-program: one tap asks for the subscribe message that
 * tells them of escalations (WeChat asks only in a tap). Absent in H5 and where no template is configured.
 */
export function EscalationSubscribe() {
  if (process.env.TARO_ENV !== 'weapp' || !EVALUATION_ESCALATION_TEMPLATE) return null;
  return (
    <View className="escalation-subscribe">
      <Button className="btn-escalation-subscribe" size="small" fill="outline" onClick={() => void askEscalationSubscription()}>
        接收转办和逾期提醒
      </Button>
    </View>
  );
}

import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { restart, ROUTES } from '../routes';
import { Notice } from './Notice';

/** A page that could not load what it shows: why, 重试 when trying again can help, and always a way home. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="load-failed">
      <Notice>{message}</Notice>
      <View className="form-actions">
        {onRetry ? (
          <Button className="btn-retry" type="primary" block onClick={onRetry}>
            重试
          </Button>
        ) : null}
        <Button className="btn-go-home" block onClick={() => restart(ROUTES.home)}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ManagedEventView } from '../../../../shared/contract/openweek-views';
import { publishEvent } from '../../services';
import { go, ROUTES } from '../../routes';
import { useRun, type Feedback } from './feedback';

/** Publish a draft, edit it while it can still change, or look at the page the public sees. */
export function EventActions({ event, feedback }: { event: ManagedEventView; feedback: Feedback }) {
  const { busy, run } = useRun(feedback);
  return (
    <View className="form-actions">
      {event.status === 'draft' ? (
        <Button className="btn-publish" type="primary" block loading={busy} onClick={() => void run(() => publishEvent(event.id), '已发布')}>
          发布活动
        </Button>
      ) : null}
      {event.status === 'draft' || event.status === 'published' ? (
        <Button className="btn-edit-event" block onClick={() => go(ROUTES.owEdit, { id: event.id })}>
          编辑活动
        </Button>
      ) : null}
      {event.status !== 'draft' ? (
        <Button className="btn-view-public" block onClick={() => go(ROUTES.event, { id: event.id })}>
          查看公众页面
        </Button>
      ) : null}
    </View>
  );
}

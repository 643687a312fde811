import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

interface Props {
  hasMore: boolean;
  loading: boolean;
  count: number;
  error: string | null;
  onMore: () => void;
  onRetry: () => void;
  empty?: string;
}

/** The foot of a cursor-paged list: 加载更多, the end, an empty list, or a retry after a fault. */
export function LoadMore({ hasMore, loading, count, error, onMore, onRetry, empty = '暂无数据' }: Props) {
  if (error) {
    return (
      <View className="list-foot list-foot--error">
        <View className="form-error">{error}</View>
        <Button className="btn-retry" size="small" onClick={count ? onMore : onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (loading) return <View className="list-foot list-loading">加载中…</View>;
  if (hasMore) {
    return (
      <View className="list-foot">
        <Button className="btn-load-more" size="small" fill="outline" onClick={onMore}>
          加载更多
        </Button>
      </View>
    );
  }
  return <View className="list-foot list-end">{count ? '没有更多了' : empty}</View>;
}

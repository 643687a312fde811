import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { PagedList, PageData } from '../hooks/usePagedList';

interface Props {
  list: Pick<PagedList<PageData<unknown>>, 'items' | 'hasMore' | 'loading' | 'error' | 'loadMore' | 'reload'>;
  empty?: string;
}

/** The foot of a cursor-paged list: 加载更多, the end, an empty list, or a retry after a fault. */
export function LoadMore({ list, empty = '暂无数据' }: Props) {
  const count = list.items.length;
  if (list.error) {
    return (
      <View className="list-foot list-foot--error">
        <View className="form-error">{list.error}</View>
        <Button className="btn-retry" size="small" onClick={count ? list.loadMore : list.reload}>
          重试
        </Button>
      </View>
    );
  }
  if (list.loading) return <View className="list-foot list-loading">加载中…</View>;
  if (list.hasMore) {
    return (
      <View className="list-foot">
        <Button className="btn-load-more" size="small" fill="outline" onClick={list.loadMore}>
          加载更多
        </Button>
      </View>
    );
  }
  return <View className="list-foot list-end">{count ? '没有更多了' : empty}</View>;
}

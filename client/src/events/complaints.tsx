import { View } from '@tarojs/components';
import { LoadMore } from '../components/LoadMore';
import { Screen } from '../components/Screen';
import { usePagedList } from '../hooks/usePagedList';
import { chinaTime } from '../openweek-format';
import { myComplaints } from '../services';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';
import '../components/evaluation.css';

/** The visitor's own complaints, newest first, each with the managing unit's response once it came. */
export default function MyComplaints() {
  const list = usePagedList((cursor) => myComplaints({ cursor }), 'mine');
  return (
    <Screen title="我的投诉" className="my-complaints">
      {list.items.map((c) => (
        <View key={c.id} className="case-card complaint-card">
          <View className="evaluation-card__heading" onClick={() => go(ROUTES.collective, { code: c.collective.code })}>
            {c.collective.name}
          </View>
          <View className="case-card__due">
            {c.categoryLabel} · {chinaTime(c.createdAt)}
          </View>
          <View className="complaint-text">{c.text}</View>
          {c.response ? (
            <View className="case-reply complaint-response">
              管理单位答复（{c.response.verdictLabel}）：{c.response.text}
              {c.response.rectificationRequest ? `\n整改要求：${c.response.rectificationRequest}` : ''}
              {c.response.rectification ? `\n整改情况：${c.response.rectification.text}` : ''}
            </View>
          ) : (
            <View className="case-reply">管理单位核实中</View>
          )}
        </View>
      ))}
      <LoadMore list={list} empty="还没有投诉过" />
    </Screen>
  );
}

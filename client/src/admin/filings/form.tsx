import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FilingView, OpinionView } from '../../../../shared/contract/filing-views';
import { ADMINS } from '../../../../shared/domain/roles';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { PrintButton } from '../../components/PrintButton';
import { useSignedIn } from '../../hooks/useSession';
import { getFiling } from '../../services';
import './filings.css';

const chinaDate = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

/** 申报表 (附件2 of the Yueyang notice) for one filing, laid out like the official form, with the recorded opinions. */
export default function ApplicationForm() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const guard = useSignedIn({ audiences: ADMINS });
  const frame = { guard, title: '申报表', denied: ADMIN_ONLY };
  const [filing, setFiling] = useState<FilingView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (guard.state !== 'ready' || !id) return;
    void getFiling({ filingId: id }).then((r) => (r.ok ? setFiling(r.data.filing) : setError(r.error.message)));
  }, [guard.state, id]);

  if (error) return <GuardedScreen {...frame} className="application-form"><Notice>{error}</Notice></GuardedScreen>;
  if (!filing) return <GuardedScreen {...frame} className="application-form"><View className="list-loading">加载中…</View></GuardedScreen>;
  const c = filing.content;
  const box = (name: OpinionView['box']) => {
    const opinions = filing.opinions.filter((o) => o.box === name);
    // The box shows the latest opinion of each level (a resubmission is reviewed again).
    const latest = [...new Map(opinions.map((o) => [o.level, o])).values()];
    return (
      <View className={`af__opinion af-opinion--${name}`}>
        <View>
          {latest.map((o) => (
            <View key={o.level} className="af-opinion__text">
              {o.comment}（{o.unitName} {o.authorName}）
            </View>
          ))}
        </View>
        <View className="af__seal">
          （盖章）
          <View>{latest.length ? chinaDate(latest[latest.length - 1].at) : '年　月　日'}</View>
        </View>
      </View>
    );
  };
  const term = filing.campaignName;

  return (
    <GuardedScreen {...frame} className="application-form">
      {/* Six columns of fixed shares, as on the official form: the table fits the phone's width and A4 alike. */}
      <View className="af">
        <View className="af__title">{term}创建集体申报表</View>
        <View className="af__table">
          <Text className="af__cell af__label">集体名称</Text>
          <Text className="af__cell af__value af-name">{c.name}</Text>
          <Text className="af__cell af__label">负责人</Text>
          <Text className="af__cell af__value af-leader">{c.leaderName}</Text>
          <Text className="af__cell af__label">职务</Text>
          <Text className="af__cell af__value">{c.leaderPosition}</Text>

          <Text className="af__cell af__label">成员人数</Text>
          <Text className="af__cell af__value">{c.memberCount}</Text>
          <Text className="af__cell af__label">平均年龄</Text>
          <Text className="af__cell af__value">{c.averageAge}</Text>
          <Text className="af__cell af__label">联系电话</Text>
          <Text className="af__cell af__value af-phone">{c.phone}</Text>

          <Text className="af__cell af__label">通讯地址</Text>
          <Text className="af__cell af__value af__span3">{c.address}</Text>
          <Text className="af__cell af__label">邮编</Text>
          <Text className="af__cell af__value">{c.postcode}</Text>

          <Text className="af__cell af__label af__label--tall">先进事迹</Text>
          <Text className="af__cell af__text af__span5 af-achievements">{c.achievements}</Text>

          <Text className="af__cell af__label af__label--tall">主管单位意见</Text>
          <View className="af__cell af__span2">{box('supervisor')}</View>
          <Text className="af__cell af__label af__label--tall">行业创建办或团委意见</Text>
          <View className="af__cell af__span2">{box('branch')}</View>

          <Text className="af__cell af__label af__label--tall">市青工委意见</Text>
          <View className="af__cell af__span5">{box('office')}</View>
        </View>
      </View>
      <PrintButton />
    </GuardedScreen>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { UnitStatisticsRowView, UnitStatisticsView } from '../../../../shared/contract/evaluation-views';
import { formatRate } from '../../../../shared/domain/evaluation/rules';
import { ADMINS } from '../../../../shared/domain/roles';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { exportUnitStatistics, saveFile, unitStatistics, XLSX } from '../../services';
import { useLatestCampaign } from '../filings/useCampaign';
import '../management/dashboard.css';
import './statistics.css';

type Column = Exclude<keyof UnitStatisticsRowView, 'unitId' | 'unitName' | 'level'>;
const COLUMNS: Array<{ key: Column; label: string; show?: (r: UnitStatisticsRowView) => string }> = [
  { key: 'counted', label: '微信评价' },
  { key: 'satisfactionRate', label: '满意率', show: (r) => formatRate(r.satisfactionRate) },
  { key: 'web', label: '网页评价' },
  { key: 'casesOpen', label: '差评待回访' },
  { key: 'casesOverdue', label: '其中逾期' },
  { key: 'complaintsFiled', label: '投诉' },
  { key: 'complaintsUpheld', label: '投诉属实' },
  { key: 'appealsFiled', label: '申诉' },
  { key: 'appealsUpheld', label: '申诉成立' },
];

/** Largest first on the first tap of a column head, then the other way; units without a rate last either way. */
function sorted(rows: UnitStatisticsRowView[], sort: { key: Column; descending: boolean } | null): UnitStatisticsRowView[] {
  if (!sort) return rows;
  const value = (r: UnitStatisticsRowView) => r[sort.key];
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sort.descending ? y - x : x - y;
  });
}

function Row({ row, className, onOpen }: { row: UnitStatisticsRowView; className: string; onOpen?: () => void }) {
  return (
    <View className={`stats-row ${className}`} onClick={onOpen}>
      <Text className="stats-cell stats-cell--unit">
        {row.unitName}
        {onOpen ? <Text className="stats-cell__arrow">›</Text> : null}
      </Text>
      {COLUMNS.map((c) => (
        <Text key={c.key} className={`stats-cell stats-cell--${c.key}`}>
          {c.show ? c.show(row) : String(row[c.key])}
        </Text>
      ))}
    </View>
  );
}

/** The viewed subtree's last 12 months: counted WeChat evaluations as bars scaled to the busiest month, with the rate. */
function Trend({ trend }: { trend: UnitStatisticsView['trend'] }) {
  const most = Math.max(0, ...trend.map((m) => m.counted));
  if (most === 0) return <View className="stats__empty">近12个月暂无微信评价</View>;
  return (
    <View className="trend">
      {trend.map((m) => (
        <View key={m.month} className={`trend-month trend-month--${m.month}`}>
          <Text className="trend-month__label">{m.month}</Text>
          <View className="trend-month__track">
            <View className="bar">
              <View className="bar__fill" style={{ width: `${(m.counted / most) * 100}%` }} />
            </View>
          </View>
          <Text className="trend-month__figures">
            {m.counted} 条 · {formatRate(m.satisfactionRate)}
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 社会评价统计: for the office every level-1 unit, for an admin the units directly under theirs; a row opens
 * the units under it, a column head sorts by it. The table as xlsx.
 */
export default function EvaluationStatistics() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ADMINS });
  const { campaign, error } = useLatestCampaign(guard.state === 'ready');
  const [unitId, setUnitId] = useState<string | undefined>(params.unitId || undefined);
  const [view, setView] = useState<UnitStatisticsView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: Column; descending: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);
  const { toast, show } = useToast();

  const load = useCallback(async () => {
    if (!campaign) return;
    setFailed(null);
    const result = await unitStatistics({ campaignId: campaign.id, unitId });
    if (result.ok) setView(result.data);
    else setFailed(result.error.message);
  }, [campaign, unitId]);
  useEffect(() => void load(), [load]);

  const exportTable = async (campaignId: string) => {
    setExporting(true);
    const result = await exportUnitStatistics({ campaignId, unitId });
    setExporting(false);
    if (!result.ok) return show(result.error.message, 'fail');
    await saveFile(result.data.fileName, result.data.contentBase64, XLSX);
    show(`已导出 ${result.data.rows} 个单位`, 'success');
  };
  const sortBy = (key: Column) => setSort((s) => ({ key, descending: s?.key === key ? !s.descending : true }));

  return (
    <GuardedScreen guard={guard} title="社会评价统计" className="evaluation-statistics" denied={ADMIN_ONLY}>
      {failed ? (
        <LoadFailed message={failed} onRetry={() => void load()} />
      ) : view ? (
        <>
          <View className="page-intro">{view.campaign.name}</View>
          <Section title={view.total.unitName} className="stats-units">
            {view.parentUnitId ? (
              <Text className="link link-up" onClick={() => setUnitId(view.parentUnitId ?? undefined)}>
                ‹ 返回上级单位
              </Text>
            ) : null}
            <ScrollView scrollX className="stats-table">
              <View className="stats-table__inner">
                <View className="stats-row stats-row--head">
                  <Text className="stats-cell stats-cell--unit stats-cell--head">单位</Text>
                  {COLUMNS.map((c) => (
                    <Text key={c.key} className={`stats-cell stats-cell--head sort-${c.key} ${sort?.key === c.key ? 'stats-cell--sorted' : ''}`} onClick={() => sortBy(c.key)}>
                      {c.label}
                      {sort?.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                    </Text>
                  ))}
                </View>
                {sorted(view.rows, sort).map((row) => (
                  <Row key={row.unitId} row={row} className="stats-row--unit" onOpen={row.level < 3 ? () => setUnitId(row.unitId) : undefined} />
                ))}
                <Row row={{ ...view.total, unitName: '合计' }} className="stats-row--total" />
              </View>
            </ScrollView>
            {view.rows.length === 0 ? <View className="stats__empty">没有下级单位</View> : null}
            <View className="stats__intro">{view.rule}；差评待回访含网页评价的差评</View>
          </Section>
          <Section title="近12个月趋势（微信评价）" className="stats-trend">
            <Trend trend={view.trend} />
          </Section>
          <View className="form-actions">
            <Button className="btn-export-statistics" type="primary" block loading={exporting} onClick={() => void exportTable(view.campaign.id)}>
              导出社会评价统计表（xlsx）
            </Button>
          </View>
        </>
      ) : (
        <>
          <Notice>{error}</Notice>
          {error ? null : <View className="stats__empty">加载中…</View>}
        </>
      )}
      {toast}
    </GuardedScreen>
  );
}

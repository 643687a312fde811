import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import type { DashboardRowView, DashboardView } from '../../../../shared/contract/management';
import type { WindowState } from '../../../../shared/domain/filing/window';
import { countdownText, filingCountdown } from '../../../../shared/domain/management/progress';
import { FIVE_ONE_LABELS } from '../../../../shared/domain/management/five-ones';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { exportQuotaDashboard, quotaDashboard, saveFile, XLSX } from '../../services';
import { go, ROUTES } from '../../routes';
import { useLatestCampaign } from '../filings/useCampaign';
import './dashboard.css';

const MANAGERS = ['office', 'admin1'] as const;
const OVERDUE_CHOICES = [3, 7, 15, 30];
const TARGET_SOURCE: Record<NonNullable<DashboardRowView['targetSource']>, string> = { table: '按名额分配表所列', multiplier: '为名额（基数）× 倍数', sum: '为各单位目标之和' };

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
/** A bar's filled share: 0–100 %, a full bar past the target. */
const fill = (value: number | null) => `${Math.min(100, Math.max(0, (value ?? 0) * 100))}%`;
/** A week by its Monday, with the year: a national window spans two. */
const weekLabel = (monday: string) => `${monday} 起`;

/** Plain CSS bars: a track and its fill. No chart library: these are the only charts and they weigh nothing. */
function Bar({ share, tone }: { share: number | null; tone?: 'done' | 'muted' }) {
  return (
    <View className="bar">
      <View className={`bar__fill ${tone ? `bar__fill--${tone}` : ''}`} style={{ width: fill(share) }} />
    </View>
  );
}

/** 距报备截止还有 …, ticking each second on the server's clock (its offset from the device's taken once). */
function Countdown({ countdown, window }: { countdown: DashboardView['countdown']; window: { opens: string; closesBefore: string } }) {
  const [offset] = useState(() => Date.parse(countdown.now) - Date.now());
  const [now, setNow] = useState(() => new Date(Date.now() + offset));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date(Date.now() + offset)), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  const left = filingCountdown(window, now);
  const tone: Record<WindowState, string> = { notYetOpen: 'countdown--pending', open: left.days < 7 ? 'countdown--soon' : '', closed: 'countdown--closed' };
  return (
    <View className={`countdown ${tone[left.state]}`}>
      <Text className="countdown__text">{countdownText(left)}</Text>
    </View>
  );
}

function Overdue({ overdue, days }: { overdue: DashboardRowView['overdue']; days: number }) {
  const total = overdue.level1 + overdue.level2 + overdue.level3;
  if (total === 0) return <Text className="unit-row__overdue unit-row__overdue--none">无超{days}天待审</Text>;
  return (
    <Text className="unit-row__overdue">
      超{days}天待审：一级 {overdue.level1} · 二级 {overdue.level2} · 三级 {overdue.level3}
    </Text>
  );
}

/** One unit: its name, the bar of 报备 against the target, and the rest in a line below. */
function UnitRow({ row, days, onOpen, onLedger }: { row: DashboardRowView; days: number; onOpen?: () => void; onLedger?: () => void }) {
  return (
    <View className={`unit-row ${onOpen ? 'unit-row--open' : ''}`} onClick={onOpen}>
      <View className="unit-row__head">
        <Text className="unit-row__name">{row.unitName}</Text>
        {onOpen ? <Text className="unit-row__arrow">›</Text> : null}
      </View>
      <Bar share={row.progress} tone={row.progress !== null && row.progress >= 1 ? 'done' : row.target === null ? 'muted' : undefined} />
      <View className="unit-row__figures">
        <Text className="unit-row__progress">
          报备 {row.filed}
          {row.target !== null ? ` / 目标 ${row.target}（${percent(row.progress)}）` : '（未设名额）'}
        </Text>
        <Text className="unit-row__approved">创建集体 {row.approved}</Text>
      </View>
      <View className="unit-row__figures unit-row__figures--minor">
        <Text className="unit-row__past">往届 {row.pastHolders}（{percent(row.pastHolderShare)}）</Text>
        <Text className="unit-row__non-public">非公/社会组织 {row.nonPublic}（{percent(row.nonPublicShare)}）</Text>
      </View>
      <Overdue overdue={row.overdue} days={days} />
      <Text className={`unit-row__five-ones ${row.fiveOnes.missing.length ? '' : 'unit-row__five-ones--complete'}`}>
        {row.fiveOnes.missing.length ? `五个一 ${row.fiveOnes.done}/5，缺 ${row.fiveOnes.missing.map((k) => FIVE_ONE_LABELS[k]).join('、')}` : '五个一 五项齐全'}
      </Text>
      {onLedger ? (
        <Text className="link link-ledger" onClick={(event) => { event.stopPropagation(); onLedger(); }}>
          查看台账
        </Text>
      ) : null}
    </View>
  );
}

/** Counts as bars scaled to the largest: weeks, statuses. */
function CountBars({ items, empty }: { items: Array<{ key: string; label: string; count: number }>; empty: string }) {
  const most = Math.max(0, ...items.map((i) => i.count));
  if (most === 0) return <View className="count-bars__empty">{empty}</View>;
  return (
    <View className="count-bars">
      {items.map((item) => (
        <View key={item.key} className={`count-bar count-bar--${item.key}`}>
          <Text className="count-bar__label">{item.label}</Text>
          <View className="count-bar__track">
            <Bar share={item.count / most} />
          </View>
          <Text className="count-bar__count">{item.count}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 报备进度: for the office every level-1 unit, for a level-1 admin their units below; a row opens the
 * units under it. Figures, bars, the countdown to the close, and the table as xlsx.
 */
export default function Dashboard() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: MANAGERS });
  const { campaign, error } = useLatestCampaign(guard.state === 'ready');
  const [unitId, setUnitId] = useState<string | undefined>(params.unitId || undefined);
  const [overdueDays, setOverdueDays] = useState(7);
  const [view, setView] = useState<DashboardView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const { toast, show } = useToast();

  const load = useCallback(async () => {
    if (!campaign) return;
    setFailed(null);
    const result = await quotaDashboard({ campaignId: campaign.id, unitId, overdueDays });
    if (result.ok) setView(result.data);
    else setFailed(result.error.message);
  }, [campaign, unitId, overdueDays]);
  useEffect(() => void load(), [load]);

  const exportTable = async (campaignId: string) => {
    setExporting(true);
    const result = await exportQuotaDashboard({ campaignId, unitId, overdueDays });
    setExporting(false);
    if (!result.ok) return show(result.error.message, 'fail');
    await saveFile(result.data.fileName, result.data.contentBase64, XLSX);
    show(`已导出 ${result.data.rows} 个单位`, 'success');
  };

  return (
    <GuardedScreen guard={guard} title="报备进度" className="dashboard" denied={contract.management.dashboard.refusal}>
      {failed ? (
        <LoadFailed message={failed} onRetry={() => void load()} />
      ) : view ? (
        <Figures view={view} onUnit={setUnitId} overdueDays={overdueDays} onOverdueDays={setOverdueDays} />
      ) : (
        <>
          <Notice>{error}</Notice>
          {error ? null : <View className="dashboard__loading">加载中…</View>}
        </>
      )}
      {view && !failed ? (
        <View className="form-actions">
          <Button className="btn-export-dashboard" type="primary" block loading={exporting} onClick={() => void exportTable(view.campaign.id)}>
            导出报备进度表（xlsx）
          </Button>
          {guard.state === 'ready' && guard.account.role === 'office' ? (
            <Button className="btn-dashboard-rules" block onClick={() => go(ROUTES.adminCampaign)}>
              修改报备目标倍数
            </Button>
          ) : null}
        </View>
      ) : null}
      {toast}
    </GuardedScreen>
  );
}

/** The figures of one level: the total, each unit below, submissions per week and the status mix. */
function Figures({
  view,
  onUnit,
  overdueDays,
  onOverdueDays,
}: {
  view: DashboardView;
  onUnit: (unitId: string | undefined) => void;
  overdueDays: number;
  onOverdueDays: (days: number) => void;
}) {
  const { total } = view;
  // Rows open the units below them, down to level-3 units, which have none.
  const canOpen = (row: DashboardRowView) => row.level < 3;

  return (
    <>
      <View className="page-intro dashboard__campaign">
        {view.campaign.name} · 报备时间 {view.campaign.windowText}
      </View>
      <Countdown countdown={view.countdown} window={view.campaign.rules.window} />

      <Section title="总体进度" className="dashboard-total">
        {view.parentUnitId ? (
          <Text className="link link-up" onClick={() => onUnit(view.parentUnitId ?? undefined)}>
            ‹ 返回上级单位
          </Text>
        ) : null}
        <UnitRow row={total} days={view.overdueDays} />
        {total.targetSource ? (
          <View className="dashboard__note">
            目标{TARGET_SOURCE[total.targetSource]}；报备目标倍数 {view.campaign.rules.targetMultiplier}
          </View>
        ) : null}
      </Section>

      <View className="overdue-choice">
        <Text className="overdue-choice__label">超期待审</Text>
        {OVERDUE_CHOICES.map((days) => (
          <Text key={days} className={`overdue-choice__days overdue-days-${days} ${days === overdueDays ? 'is-active' : ''}`} onClick={() => onOverdueDays(days)}>
            超{days}天
          </Text>
        ))}
      </View>

      <Section title={view.rows.length ? `各单位（${view.rows.length}）` : '各单位'} className="dashboard-units">
        {view.rows.length === 0 ? <View className="count-bars__empty">没有下级单位</View> : null}
        {view.rows.map((row) => (
          <UnitRow
            key={row.unitId}
            row={row}
            days={view.overdueDays}
            onOpen={canOpen(row) ? () => onUnit(row.unitId) : undefined}
            onLedger={() => go(ROUTES.adminLedger, { unitId: row.unitId })}
          />
        ))}
      </Section>

      <Section title="每周报备（按最近一次提交）" className="dashboard-weeks">
        <CountBars items={view.weeks.map((w) => ({ key: w.monday, label: weekLabel(w.monday), count: w.count }))} empty="暂无报备" />
      </Section>

      <Section title="状态分布" className="dashboard-statuses">
        <CountBars items={view.statusMix.map((s) => ({ key: s.status, label: s.label, count: s.count }))} empty="暂无报备" />
      </Section>

    </>
  );
}

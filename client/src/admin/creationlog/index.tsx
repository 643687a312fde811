import { useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { UnitView } from '../../../../shared/contract';
import type { CategoryItem } from '../../../../shared/domain/creationlog/categories';
import { ADMINS } from '../../../../shared/domain/roles';
import { EntryCard } from '../../components/EntryCard';
import { accessibleName } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { creationLogCategories, creationLogFeed, listUnits, creationLogStats, silentCollectives, type CallOutput } from '../../services';
import { categoryCounts, monthLabel } from '../../creationlog-format';
import { formatTime } from '../../format';
import { go, ROUTES } from '../../routes';
import { useLatestCampaign } from '../filings/useCampaign';
import '../../components/openweek.css';
import '../../components/creationlog.css';

type Stats = CallOutput<'creationlog', 'stats'>;
interface Filters {
  unitId?: string;
  category?: string;
  month?: string;
  unreadAtMyLevel?: boolean;
  video?: 'any' | 'pending';
  q?: string;
}

function Chip({ on, className, onTap, children }: { on: boolean; className: string; onTap: () => void; children: string }) {
  return (
    <Text className={`ow-chip ${className} ${on ? 'ow-chip--on' : ''}`} onClick={onTap}>
      {children}
    </Text>
  );
}

/**
 * 创建日志 for admins: the entries their subtree submitted (newest first, 未读 marked per admin) with filters
 * and name search, the unit's figures, and the collectives that have been silent for 30 or 60 days.
 */
export default function AdminCreationLog() {
  const guard = useSignedIn({ audiences: ADMINS });
  const ready = guard.state === 'ready';
  const { campaign, error } = useLatestCampaign(ready);
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [units, setUnits] = useState<UnitView[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [categories, setCategories] = useState<CategoryItem[]>([]);
  const [silentDays, setSilentDays] = useState<30 | 60>(30);
  const campaignId = campaign?.id ?? '';
  const feed = usePagedList((cursor) => creationLogFeed({ campaignId, ...filters, cursor }), `${campaignId}:${JSON.stringify(filters)}`, ready && !!campaignId);
  const silent = usePagedList((cursor) => silentCollectives({ days: silentDays, cursor }), `silent:${silentDays}`, ready);

  useEffect(() => {
    if (!ready) return;
    void listUnits({ limit: 50 }).then((r) => r.ok && setUnits(r.data.items));
  }, [ready]);
  useEffect(() => {
    // The campaign's own list, hidden categories included: older entries may have them.
    if (ready && campaignId) void creationLogCategories({ campaignId }).then((r) => r.ok && setCategories(r.data.categories));
  }, [ready, campaignId]);
  useEffect(() => {
    if (ready && campaignId) void creationLogStats({ campaignId, ...(filters.unitId ? { unitId: filters.unitId } : {}) }).then((r) => r.ok && setStats(r.data));
  }, [ready, campaignId, filters.unitId]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) feed.reload();
    shown.current = true;
  });

  const set = (patch: Filters) => setFilters((prev) => ({ ...prev, ...patch }));
  const search = () => set({ q: query.trim() || undefined });

  return (
    <GuardedScreen guard={guard} title="创建日志" className="admin-creation-log" denied={ADMIN_ONLY}>
      <Notice>{error}</Notice>
      {stats ? (
        <Section title={`${stats.unitName}（含下级）`} className="cl-stats">
          <View className="list-item">
            <View className="list-item__main">
              <View className="list-item__title stats-total">已提交 {stats.total} 条 · 近30天有提交的集体 {stats.activeCollectives30d} 个</View>
              <View className="list-item__meta">{categoryCounts(stats, categories) || '暂无提交'}</View>
            </View>
          </View>
        </Section>
      ) : null}

      <View className="ow-search">
        <Input className="ow-search__input field-q" name="q" value={query} placeholder="搜索集体名称" maxLength={40} confirmType="search" onChange={setQuery} onConfirm={search} {...accessibleName('搜索集体名称')} />
        <Button className="btn-search" size="small" type="primary" onClick={search}>
          搜索
        </Button>
      </View>
      <View className="ow-filters filter-read">
        <Chip className="chip-all" on={!filters.unreadAtMyLevel} onTap={() => set({ unreadAtMyLevel: undefined })}>全部</Chip>
        <Chip className="chip-unread-level" on={!!filters.unreadAtMyLevel} onTap={() => set({ unreadAtMyLevel: true })}>本级无人阅读</Chip>
      </View>
      <View className="ow-filters filter-video">
        <Chip className="chip-video-all" on={!filters.video} onTap={() => set({ video: undefined })}>不限视频</Chip>
        <Chip className="chip-video-any" on={filters.video === 'any'} onTap={() => set({ video: 'any' })}>有视频</Chip>
        <Chip className="chip-video-pending" on={filters.video === 'pending'} onTap={() => set({ video: 'pending' })}>视频待审核</Chip>
      </View>
      <View className="ow-filters filter-category">
        <Chip className="chip-category-all" on={!filters.category} onTap={() => set({ category: undefined })}>全部类别</Chip>
        {categories.map((c) => (
          <Chip key={c.code} className={`chip-category-${c.code}`} on={filters.category === c.code} onTap={() => set({ category: c.code })}>
            {c.label}
          </Chip>
        ))}
      </View>
      {stats?.months.length ? (
        <View className="ow-filters filter-month">
          <Chip className="chip-month-all" on={!filters.month} onTap={() => set({ month: undefined })}>全部月份</Chip>
          {stats.months.map((m) => (
            <Chip key={m.month} className={`chip-month-${m.month}`} on={filters.month === m.month} onTap={() => set({ month: m.month })}>
              {`${monthLabel(m.month)} ${m.total}`}
            </Chip>
          ))}
        </View>
      ) : null}
      {units.length ? (
        <View className="ow-filters filter-unit">
          <Chip className="chip-unit-all" on={!filters.unitId} onTap={() => set({ unitId: undefined })}>全部单位</Chip>
          {units.map((u) => (
            <Chip key={u.id} className={`chip-unit-${u.id}`} on={filters.unitId === u.id} onTap={() => set({ unitId: u.id })}>
              {u.name}
            </Chip>
          ))}
        </View>
      ) : null}

      <Section title="辖区内提交的创建日志" className="cl-feed">
        {feed.items.map((entry) => (
          <EntryCard key={entry.id} entry={entry} showCollective onTap={() => go(ROUTES.adminCreationLogEntry, { id: entry.id })} />
        ))}
        <LoadMore list={feed} empty={filters.q || filters.category || filters.month || filters.unreadAtMyLevel || filters.video || filters.unitId ? '没有符合筛选条件的创建日志' : '辖区内还没有提交的创建日志'} />
      </Section>

      <Section title="未按时提交的集体" className="cl-silent">
        <View className="ow-filters">
          <Chip className="chip-silent-30" on={silentDays === 30} onTap={() => setSilentDays(30)}>30天未提交</Chip>
          <Chip className="chip-silent-60" on={silentDays === 60} onTap={() => setSilentDays(60)}>60天未提交</Chip>
        </View>
        {silent.items.map((c) => (
          <View key={c.collectiveId} className="list-item silent-collective">
            <View className="list-item__main">
              <View className="list-item__title">{c.collectiveName}</View>
              <View className="list-item__meta">
                {c.unitName} · {c.lastSubmittedAt ? `${c.silentDays} 天未提交（上次 ${formatTime(c.lastSubmittedAt)}）` : '开通创建日志后从未提交'}
              </View>
            </View>
          </View>
        ))}
        <LoadMore list={silent} empty={`辖区内没有${silentDays}天未提交的集体`} />
      </Section>
    </GuardedScreen>
  );
}

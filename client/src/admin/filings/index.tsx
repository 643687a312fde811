import { useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { CallInput } from '../../services';
import { FILING_STATUS_LABELS, type FilingStatus } from '../../../../shared/domain/filing/status';
import { TITLE_LEVEL_LABELS } from '../../../../shared/domain/filing/rules';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import { ADMINS, audienceOf, ISSUERS } from '../../../../shared/domain/roles';
import { LoadMore } from '../../components/LoadMore';
import { accessibleName } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { FilterRow } from '../../components/FilterRow';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { exportStatistics, listQueue, saveFile, XLSX } from '../../services';
import { formatTime } from '../../format';
import { go, ROUTES } from '../../routes';
import { useLatestCampaign } from './useCampaign';
import '../../components/search-filters.css';
import './filings.css';

type Filters = Pick<CallInput<'review', 'listQueue'>, 'status' | 'awaitingMe' | 'category' | 'priorTitle' | 'q' | 'sort'>;

/** The queue's tabs: where filings stand, in the order they move (drafts are the collectives' own business). */
const QUEUE_STATUSES: FilingStatus[] = ['filed', 'reviewing', 'returned', 'approved', 'revoked', 'closed'];
type Tab = 'awaiting' | 'all' | FilingStatus;
const CATEGORIES: [NonNullable<Filters['category']>, string][] = [['industry', '行业'], ['region', '地方']];
const TITLES: [NonNullable<Filters['priorTitle']>, string][] = [['none', '无'], ...(Object.entries(TITLE_LEVEL_LABELS) as [NonNullable<Filters['priorTitle']>, string][])];

/** 审核队列: the filings of the admin's subtree, filtered, counted per status, paged by cursor. */
export default function Queue() {
  const { params } = useRouter();
  /** `?unitId=`: one unit's subtree inside the caller's. */
  const unitId = params.unitId || undefined;
  const guard = useSignedIn({ audiences: ADMINS });
  const { campaign, error } = useLatestCampaign(guard.state === 'ready');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({ sort: 'recent' });
  const [exporting, setExporting] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const { toast, show } = useToast();
  const list = usePagedList(
    (cursor) => listQueue({ campaignId: campaign?.id ?? '', unitId, ...filters, cursor }),
    JSON.stringify([campaign?.id, unitId, filters]),
    guard.state === 'ready' && !!campaign,
  );
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  const counts = list.first?.counts ?? {};
  const search = () => setFilters((prev) => ({ ...prev, q: query.trim() || undefined }));
  const isAdmin = guard.state === 'ready' && guard.account.role === 'admin';
  const tabs: Array<{ key: Tab; label: string; count?: number }> = [
    ...(isAdmin ? [{ key: 'awaiting' as const, label: '待我审核' }] : []),
    { key: 'all', label: '全部' },
    ...QUEUE_STATUSES.map((status) => ({ key: status, label: FILING_STATUS_LABELS[status], count: counts[status] ?? 0 })),
  ];
  const activeTab: Tab = filters.awaitingMe ? 'awaiting' : (filters.status ?? 'all');
  const pickTab = (tab: Tab) =>
    setFilters((p) => ({ ...p, awaitingMe: tab === 'awaiting' ? true : undefined, status: tab === 'awaiting' || tab === 'all' ? undefined : tab }));
  const extraFilters = [filters.category, filters.priorTitle].filter(Boolean).length;

  const exportSheet = async () => {
    if (!campaign) return;
    setExporting(true);
    const result = await exportStatistics({ campaignId: campaign.id, unitId });
    setExporting(false);
    if (!result.ok) return show(result.error.message, 'fail');
    await saveFile(result.data.fileName, result.data.contentBase64, XLSX);
    show(`已导出 ${result.data.rows} 个集体`, 'success');
  };

  return (
    <GuardedScreen guard={guard} title="审核队列" className="queue" denied={ADMIN_ONLY}>
      <Notice>{error}</Notice>
      {campaign ? <View className="page-intro queue-campaign">{campaign.name} · 报备时间 {campaign.windowText}</View> : null}
      <View className="search">
        <Input id="field-q" className="search__input field-q" name="q" value={query} placeholder="搜索集体名称" maxLength={40} confirmType="search" onChange={setQuery} onConfirm={search} {...accessibleName('搜索集体名称')} />
        <Button className="btn-search" size="small" type="primary" onClick={search}>
          搜索
        </Button>
      </View>
      {/* Status tabs carry the counts; the rarer filters wait behind 筛选 so the list starts on the first screen. */}
      <View className="queue-tabs">
        {tabs.map((tab) => (
          <Text key={tab.key} className={`queue-tab queue-tab--${tab.key} ${activeTab === tab.key ? 'is-active' : ''}`} onClick={() => pickTab(tab.key)}>
            {tab.label}
            {tab.count !== undefined ? <Text className={`count count--${tab.key}`}> {tab.count}</Text> : null}
          </Text>
        ))}
      </View>
      <View className="queue-toolbar">
        <Text className={`queue-filter-toggle btn-filters ${extraFilters ? 'is-active' : ''}`} onClick={() => setMenuOpen(!menuOpen)}>
          筛选{extraFilters ? `（${extraFilters}）` : ''} {menuOpen ? '▴' : '▾'}
        </Text>
        <Text className="queue-sort btn-sort" onClick={() => setFilters((p) => ({ ...p, sort: p.sort === 'oldest' ? 'recent' : 'oldest' }))}>
          {filters.sort === 'oldest' ? '最早更新在前' : '最近更新在前'} ⇅
        </Text>
      </View>
      {menuOpen ? (
        <View className="filters filter-menu">
          <FilterRow name="category" label="归口" options={CATEGORIES} value={filters.category} onChange={(category) => setFilters((p) => ({ ...p, category }))} />
          <FilterRow name="priorTitle" label="往届称号" options={TITLES} value={filters.priorTitle} onChange={(priorTitle) => setFilters((p) => ({ ...p, priorTitle }))} />
          <View className="filter-menu__actions">
            <Text className="link link-reset-filters" onClick={() => setFilters((p) => ({ ...p, category: undefined, priorTitle: undefined }))}>
              清除筛选
            </Text>
            <Text className="link link-close-filters" onClick={() => setMenuOpen(false)}>
              收起
            </Text>
          </View>
        </View>
      ) : null}

      <View className="filing-list">
        {list.items.map((item) => (
          <View key={item.id} className="list-item filing-item" onClick={() => go(ROUTES.adminFiling, { id: item.id })}>
            <View className="list-item__main">
              <View className="list-item__title filing-item__name">
                {item.name}
                {item.possibleDuplicate ? <Text className="tag tag--warn filing-item__duplicate">疑似重复</Text> : null}
              </View>
              <View className="list-item__meta">
                <Text className={`filing-item__status filing-item__status--${item.status}`}>{item.statusLabel}</Text>
                {item.stage ? <Text> · 待{ROLE_LABELS[`admin${item.stage}`]}</Text> : null}
                <Text> · {item.unitName} · {formatTime(item.updatedAt)}</Text>
              </View>
            </View>
            <Text className="list-item__arrow">›</Text>
          </View>
        ))}
        <LoadMore list={list} empty="没有符合条件的报备" />
      </View>
      <View className="form-actions">
        <Button className="btn-quotas" block onClick={() => go(ROUTES.adminQuotas)}>
          名额分配与报备数
        </Button>
        {guard.state === 'ready' && guard.account.role === 'office' ? (
          <Button className="btn-campaign-rules" block onClick={() => go(ROUTES.adminCampaign)}>
            创建工作规则（报备时间、基本条件、申报资格）
          </Button>
        ) : null}
        <Button className="btn-revocations" block onClick={() => go(ROUTES.adminRevocations)}>
          取消创建资格申请
        </Button>
        {guard.state === 'ready' && ISSUERS.includes(audienceOf(guard.account)) ? (
          <Button className="btn-transfer" block onClick={() => go(ROUTES.adminTransfer)}>
            接收归口选错的集体
          </Button>
        ) : null}
        {guard.state === 'ready' && ISSUERS.includes(audienceOf(guard.account)) ? (
          <Button className="btn-transfer-requests" block onClick={() => go(ROUTES.adminTransferRequests)}>
            集体转移申请
          </Button>
        ) : null}
        <Button className="btn-export-statistics" block loading={exporting} onClick={() => void exportSheet()}>
          导出报备统计表（附件3）
        </Button>
      </View>
      {toast}
    </GuardedScreen>
  );
}

import { useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { AccountView } from '../../../../shared/contract';
import { ADMINS, ISSUERS, audienceOf } from '../../../../shared/domain/roles';
import { AccountRow } from '../../components/AccountRow';
import { LoadMore } from '../../components/LoadMore';
import { accessibleName } from '../../components/FormField';
import { FilterRow } from '../../components/FilterRow';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { listAccounts, type CallInput } from '../../services';
import { ROLE_FILTER_LABELS, STATUS_LABELS } from '../../format';
import { go, ROUTES } from '../../routes';
import '../../components/search-filters.css';
import './index.css';

type Filters = Pick<CallInput<'admin', 'listAccounts'>, 'role' | 'status' | 'q'>;

const ROLE_OPTIONS = Object.entries(ROLE_FILTER_LABELS) as [AccountView['role'], string][];
const STATUS_OPTIONS = Object.entries(STATUS_LABELS) as [AccountView['status'], string][];

/** Accounts in the caller's scope, or in one unit's subtree with `?unitId=`. */
export default function Accounts() {
  const { params } = useRouter();
  const unitId = params.unitId || undefined;
  const guard = useSignedIn({ audiences: ADMINS });
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const list = usePagedList(
    (cursor) => listAccounts({ unitId, ...filters, cursor }),
    JSON.stringify([unitId, filters]),
    guard.state === 'ready',
  );

  // Coming back from an account's page: show its new status.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  const canIssue = guard.state === 'ready' && ISSUERS.includes(audienceOf(guard.account));

  const search = () => setFilters((prev) => ({ ...prev, q: query.trim() || undefined }));

  return (
    <GuardedScreen guard={guard} title="帐号管理" className="accounts" denied={ADMIN_ONLY}>
      <View className="search">
        <Input
          id="field-q"
          className="search__input field-q"
          name="q"
          value={query}
          placeholder="搜索用户名或名称"
          maxLength={40}
          confirmType="search"
          onChange={setQuery}
          onConfirm={search}
          {...accessibleName('搜索用户名或名称')}
        />
        <Button className="btn-search" size="small" type="primary" onClick={search}>
          搜索
        </Button>
      </View>

      <View className="filters">
        <FilterRow
          name="role"
          label="类型"
          options={ROLE_OPTIONS}
          value={filters.role}
          onChange={(role) => setFilters((prev) => ({ ...prev, role }))}
        />
        <FilterRow
          name="status"
          label="状态"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(status) => setFilters((prev) => ({ ...prev, status }))}
        />
      </View>

      {unitId ? <View className="accounts__scope">仅显示所选单位及其下级单位的帐号</View> : null}

      <View className="account-list">
        {list.items.map((account) => (
          <AccountRow key={account.id} account={account} onClick={() => go(ROUTES.adminAccount, { id: account.id })} />
        ))}
        <LoadMore list={list} empty="没有符合条件的帐号" />
      </View>

      {canIssue ? (
        <View className="form-actions">
          <Button className="btn-issue" type="primary" block onClick={() => go(ROUTES.adminIssue, { unitId })}>
            派发用户名
          </Button>
        </View>
      ) : null}
    </GuardedScreen>
  );
}

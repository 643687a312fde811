import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { EventCardView } from '../../../shared/contract/openweek-views';
import { usePagedList } from '../hooks/usePagedList';
import { listEvents, openweekFilters, type CallOutput } from '../services';
import { chinaTime, seatsText, typeLabel } from '../openweek-format';
import { go, ROUTES } from '../routes';
import { LoadMore } from './LoadMore';
import { accessibleName } from './FormField';
import { Picture } from './Picture';
import { Tappable } from './Tappable';
import './openweek.css';

type Filters = CallOutput<'openweek', 'filters'>;

export function EventCard({ event }: { event: EventCardView }) {
  return (
    <View className={`event-card event-card-${event.id}`} onClick={() => go(ROUTES.event, { id: event.id })}>
      {event.coverUrl ? <Picture className="event-card__cover event-cover" src={event.coverUrl} alt={`${event.title}封面`} mode="aspectFill" /> : null}
      <Text className="event-card__type">{typeLabel(event.type)}</Text>
      <View className="event-card__title event-title">{event.title}</View>
      <View className="event-card__meta">
        {chinaTime(event.startAt)} · {event.collectiveName}
      </View>
      <View className="event-card__meta">{event.address}</View>
      <View className="event-card__seats event-seats">{seatsText(event)}</View>
    </View>
  );
}

/** The public home's open-week list: upcoming events by date, filtered by type and 行业/地方, searchable. */
export function EventList() {
  const [filters, setFilters] = useState<Filters | null>(null);
  const [type, setType] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState<string | undefined>();
  useEffect(() => {
    void openweekFilters().then((r) => r.ok && setFilters(r.data));
  }, []);
  const list = usePagedList(
    (cursor) => listEvents({ type: type as EventCardView['type'] | undefined, unitId, q, cursor }),
    JSON.stringify([type, unitId, q]),
  );
  const search = () => setQ(query.trim() || undefined);
  const clear = () => {
    setQuery('');
    setQ(undefined);
  };
  const filtered = Boolean(type || unitId);
  // "Nothing matches what you asked" must not read like "there are no events".
  const empty = q ? `没有找到与「${q}」相关的活动` : filtered ? '没有符合筛选条件的活动' : '近期暂无开放周活动';
  return (
    <View className="event-list">
      <View className="ow-search">
        <Input
          className="ow-search__input field-event-q"
          name="q"
          value={query}
          placeholder="搜索活动名称"
          maxLength={40}
          confirmType="search"
          onChange={setQuery}
          onConfirm={search}
          {...accessibleName('搜索活动名称')}
        />
        {query ? (
          <Tappable className="ow-search__clear btn-clear-search" label="清除搜索" onTap={clear}>
            清除
          </Tappable>
        ) : null}
        <Button className="btn-search-events" size="small" onClick={search}>
          搜索
        </Button>
      </View>
      {/* The rows stay in place while the filter values load, so the page does not jump. */}
      <View className="ow-filters ow-filters--type">
        <Text className={`ow-chip filter-type-all ${type ? '' : 'ow-chip--on'}`} onClick={() => setType(undefined)}>
          全部类型
        </Text>
        {filters?.types.map((t) => (
          <Text key={t.value} className={`ow-chip filter-type-${t.value} ${type === t.value ? 'ow-chip--on' : ''}`} onClick={() => setType(t.value)}>
            {t.label}
          </Text>
        ))}
      </View>
      <View className="ow-filters ow-filters--unit">
        <Text className={`ow-chip filter-unit-all ${unitId ? '' : 'ow-chip--on'}`} onClick={() => setUnitId(undefined)}>
          全部行业和地方
        </Text>
        {filters?.units.map((u) => (
          <Text key={u.id} className={`ow-chip filter-unit ${unitId === u.id ? 'ow-chip--on' : ''}`} onClick={() => setUnitId(u.id)}>
            {u.name}
          </Text>
        ))}
      </View>
      {list.items.map((event) => (
        <EventCard key={event.id} event={event} />
      ))}
      <LoadMore list={list} empty={empty} />
      {q && !list.loading && list.items.length === 0 ? (
        <View className="links">
          <Text className="link link-clear-search" onClick={clear}>
            查看全部活动
          </Text>
        </View>
      ) : null}
    </View>
  );
}

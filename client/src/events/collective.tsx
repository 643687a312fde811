import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CollectivePageView } from '../../../shared/contract/collective-page-views';
import { UNIT_KIND_LABELS } from '../../../shared/contract/views';
import { EventCard } from '../components/EventList';
import { LoadMore } from '../components/LoadMore';
import { Notice } from '../components/Notice';
import { Screen, Section } from '../components/Screen';
import { usePagedList, type PagedList } from '../hooks/usePagedList';
import { collectivePage } from '../services';
import { ROUTES, urlOf } from '../routes';
import '../components/openweek.css';
import './collective.css';

type Events = PagedList<CollectivePageView>;

/** Who the collective is: its name, where it files (行业 or 地方, then its own unit), and its counts. */
function CollectiveHead({ page }: { page: CollectivePageView }) {
  const { collective, counts } = page;
  const channel = collective.channel ? `${collective.channel.name}（${UNIT_KIND_LABELS[collective.channel.kind]}）` : '';
  const unit = [channel, collective.unit.name !== collective.channel?.name ? collective.unit.name : ''].filter(Boolean).join(' · ');
  return (
    <View className="collective-head">
      <View className="collective-head__name collective-name">{collective.name}</View>
      {unit ? <View className="collective-head__unit collective-unit">{unit}</View> : null}
      <View className="collective-head__counts">
        <View className="collective-count">
          <View className="collective-count__value count-held">{counts.eventsHeld}</View>
          <View className="collective-count__label">已举办开放周活动</View>
        </View>
        <View className="collective-count">
          <View className="collective-count__value count-upcoming">{counts.upcoming}</View>
          <View className="collective-count__label">即将举行</View>
        </View>
      </View>
    </View>
  );
}

/** 开放周 on the page: events not started yet, soonest first; then those held, latest first, with their summary. */
function EventsSection({ list, counts }: { list: Events; counts: CollectivePageView['counts'] }) {
  const now = Date.now();
  return (
    <Section title="开放周活动" className="collective-events">
      {list.items.map((event, i) => (
        <View key={event.id} className={`collective-event collective-event--${event.when}`}>
          {i === 0 || list.items[i - 1].when !== event.when ? (
            <View className={`collective-part collective-part--${event.when}`}>
              {event.when === 'upcoming' ? `即将举行（${counts.upcoming}）` : `已举办（${counts.eventsHeld}）`}
            </View>
          ) : null}
          <EventCard event={event} />
          {event.when === 'past' && new Date(event.endAt).getTime() > now ? <View className="collective-event__note">进行中</View> : null}
          {event.summary ? (
            <View className="collective-event__note collective-event-summary">
              <Text>活动总结：</Text>
              {event.summary}
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore list={list} empty="暂无公开的开放周活动" />
    </Section>
  );
}

/**
 * A collective's public page, opened from an event page or a share card. The head and each section are
 * components of their own: a later issue adds the creation log and evaluations as further sections,
 * each paging through its own action, below the open-week events.
 */
export default function CollectivePage() {
  const { params } = useRouter();
  const collectiveId = params.id ?? '';
  const list = usePagedList((cursor) => collectivePage(collectiveId, cursor), collectiveId);
  const page = list.first;

  // A share card opens this page directly.
  useShareAppMessage(() => ({
    title: page ? `${page.collective.name}｜青年文明号` : '青年文明号集体主页',
    path: urlOf(ROUTES.collective, { id: collectiveId }),
  }));

  if (!page) {
    return (
      <Screen title="集体主页" className="collective-page">
        {list.error ? <Notice>{list.error}</Notice> : <View className="list-foot list-loading">加载中…</View>}
      </Screen>
    );
  }
  return (
    <Screen title="集体主页" className="collective-page">
      <CollectiveHead page={page} />
      <EventsSection list={list} counts={page.counts} />
    </Screen>
  );
}

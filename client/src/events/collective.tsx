import { useCallback, useEffect, useState } from 'react';
import { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CollectivePageView } from '../../../shared/contract/collective-page-views';
import type { EvaluationView, PublicPageView } from '../../../shared/contract/evaluation-views';
import { UNIT_KIND_LABELS } from '../../../shared/contract/views';
import { codeOfScene } from '../../../shared/domain/evaluation/poster';
import { EventCard } from '../components/EventList';
import { LoadFailed } from '../components/LoadFailed';
import { LoadMore } from '../components/LoadMore';
import { Tappable } from '../components/Tappable';
import { ComplaintSection, CreationMark, EvaluationCard, PledgeSection, SummaryCard } from '../components/PublicFace';
import { Screen, Section } from '../components/Screen';
import { usePagedList, type PagedList } from '../hooks/usePagedList';
import { useSession } from '../hooks/useSession';
import { collectivePage, publicComments, publicPage } from '../services';
import { go, ROUTES, urlOf } from '../routes';
import '../components/openweek.css';
import './collective.css';

type Events = PagedList<CollectivePageView>;

/** 亮身份: the mark (创建集体 only), the name and 曾用名称, where it files (行业 or 地方, then its own unit), its event counts. */
function CollectiveHead({ page, counts }: { page: PublicPageView; counts: CollectivePageView['counts'] | null }) {
  const { collective } = page;
  const channel = collective.channel ? `${collective.channel.name}（${UNIT_KIND_LABELS[collective.channel.kind]}）` : '';
  const unit = [channel, collective.unit.name !== collective.channel?.name ? collective.unit.name : ''].filter(Boolean).join(' · ');
  return (
    <View className="collective-head">
      <CreationMark mark={page.mark} />
      <View className="collective-head__name collective-name">{collective.name}</View>
      {collective.formerNames.length ? <View className="former-names">曾用名称：{collective.formerNames.join('、')}</View> : null}
      {unit ? <View className="collective-head__unit collective-unit">{unit}</View> : null}
      {counts ? (
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
      ) : null}
    </View>
  );
}

/** 开放周 on the page: events not started yet, soonest first; then those held, latest first, with their summary. */
function EventsSection({ list, counts }: { list: Events; counts: CollectivePageView['counts'] | null }) {
  const now = Date.now();
  return (
    <Section title="开放周活动" className="collective-events">
      {list.items.map((event, i) => (
        <View key={event.id} className={`collective-event collective-event--${event.when}`}>
          {counts && (i === 0 || list.items[i - 1].when !== event.when) ? (
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

/** 公众评价: the page's first comments, then more on request; folded to three lines each. */
function CommentsSection({ code, first }: { code: string; first: PublicPageView['comments'] }) {
  const [items, setItems] = useState<EvaluationView[]>(first.items);
  const [cursor, setCursor] = useState<string | null>(first.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setItems(first.items);
    setCursor(first.nextCursor);
  }, [first]);
  const loadMore = () => {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    void publicComments({ code, cursor }).then((r) => {
      setLoading(false);
      if (!r.ok) return setError(r.error.message);
      setItems((prev) => [...prev, ...r.data.items]);
      setCursor(r.data.nextCursor);
    });
  };
  return (
    <Section title="公众评价" className="public-comments">
      {items.map((e) => (
        <EvaluationCard key={e.id} evaluation={e} />
      ))}
      <LoadMore list={{ items, hasMore: cursor !== null, loading, error, loadMore, reload: loadMore }} empty="还没有公开的评价内容" />
    </Section>
  );
}

/**
 * A collective's 三亮 page, opened from an event page (`id`: the collective as events carry it), a shared
 * card or a QR code (`code`: its public code). 评价 is one tap away, beside the satisfaction rate.
 */
export default function CollectivePage() {
  const { params } = useRouter();
  // A scanned poster's mini-program code opens this page with its public code as `scene` (shared/domain/evaluation/poster.ts).
  const code = params.code ?? codeOfScene(params.scene) ?? undefined;
  const { id } = params;
  const session = useSession();
  const [page, setPage] = useState<PublicPageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    void publicPage(code ? { code } : { collectiveId: id ?? '' }).then((r) => (r.ok ? setPage(r.data) : setError(r.error.message)));
  }, [code, id]);
  // Back from the evaluation form, the figures include the evaluation just given.
  useDidShow(load);

  const eventsId = page?.collective.eventsCollectiveId ?? '';
  const events = usePagedList((cursor) => collectivePage(eventsId, cursor), eventsId, eventsId !== '');

  useShareAppMessage(() => ({
    title: page ? `${page.collective.name}｜青年文明号三亮主页` : '青年文明号集体主页',
    path: page ? urlOf(ROUTES.collective, { code: page.collective.code }) : urlOf(ROUTES.collective, params),
  }));

  if (!page) {
    return (
      <Screen title="三亮主页" className="collective-page">
        {error ? <LoadFailed message={error} onRetry={load} /> : <View className="list-foot list-loading">加载中…</View>}
      </Screen>
    );
  }
  const counts = events.first?.counts ?? null;
  return (
    <Screen title="三亮主页" className="collective-page">
      <CollectiveHead page={page} counts={counts} />
      <SummaryCard summary={page.summary} onEvaluate={page.acceptsEvaluations ? () => go(ROUTES.evaluate, { code: page.collective.code }) : undefined} />
      <PledgeSection page={page} />
      <ComplaintSection complaint={page.complaint} />
      <EventsSection list={events} counts={counts} />
      <CommentsSection code={page.collective.code} first={page.comments} />
      {/* Admins print a collective's poster from its page (the server refuses one outside their scope); the collective from its editor. */}
      {session.status === 'signedIn' && session.account.role !== 'collective' ? (
        <Tappable className="link poster-link" onTap={() => go(ROUTES.collectivePoster, { code: page.collective.code })}>
          打印本集体的二维码海报
        </Tappable>
      ) : null}
    </Screen>
  );
}

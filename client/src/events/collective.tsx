import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, Video, View } from '@tarojs/components';
import type { CollectivePageView } from '../../../shared/contract/collective-page-views';
import type { PublicEntryView } from '../../../shared/contract/creationlog-views';
import type { EvaluationView, PublicPageView } from '../../../shared/contract/evaluation-views';
import { UNIT_KIND_LABELS } from '../../../shared/contract/views';
import { codeOfScene } from '../../../shared/domain/evaluation/poster';
import { EventCard } from '../components/EventList';
import { LoadFailed } from '../components/LoadFailed';
import { LoadMore } from '../components/LoadMore';
import { Picture } from '../components/Picture';
import { Tappable } from '../components/Tappable';
import { ComplaintSection, CreationMark, EvaluationCard, PledgeSection, SummaryCard } from '../components/PublicFace';
import { Screen, Section } from '../components/Screen';
import { usePagedList, type PagedList } from '../hooks/usePagedList';
import { categoryLabel } from '../creationlog-format';
import { useSession } from '../hooks/useSession';
import { collectivePage, mayBeSupervisor, mySupervision, publicComments, publicEntries, publicPage } from '../services';
import { go, ROUTES, urlOf } from '../routes';
import '../components/creationlog.css';
import '../components/photo-field.css';
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

type Paged<T> = { items: T[]; nextCursor: string | null };

/** A list the page answered with its first items, then more on request through `more(cursor)`. */
function useMore<T>(first: Paged<T>, more: (cursor: string) => Promise<{ ok: true; data: Paged<T> } | { ok: false; error: { message: string } }>) {
  const [items, setItems] = useState<T[]>(first.items);
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
    void more(cursor).then((r) => {
      setLoading(false);
      if (!r.ok) return setError(r.error.message);
      setItems((prev) => [...prev, ...r.data.items]);
      setCursor(r.data.nextCursor);
    });
  };
  return { items, hasMore: cursor !== null, loading, error, loadMore, reload: loadMore };
}

/** 公众评价: the page's first comments, then more on request; folded to three lines each. */
function CommentsSection({ code, first }: { code: string; first: PublicPageView['comments'] }) {
  const list = useMore<EvaluationView>(first, (cursor) => publicComments({ code, cursor }));
  return (
    <Section title="公众评价" className="public-comments">
      {list.items.map((e) => (
        <EvaluationCard key={e.id} evaluation={e} />
      ))}
      <LoadMore list={list} empty="还没有公开的评价内容" />
    </Section>
  );
}

/** Longer texts open folded to six lines, as comments fold to three. */
const FOLDED_ENTRY_CHARS = 150;

/** One public entry: title, category and date, its text (folded when long), its images' thumbnails (a tap opens the image), and an approved video. */
function PublicEntryCard({ entry }: { entry: PublicEntryView }) {
  const [open, setOpen] = useState(false);
  const long = entry.text.length > FOLDED_ENTRY_CHARS;
  return (
    <View className="cl-card public-entry">
      <View className="cl-card__title public-entry__title">{entry.title}</View>
      <View className="cl-card__meta public-entry__meta">
        {categoryLabel(entry)}
        {entry.workDate ? ` · ${entry.workDate}` : ''}
      </View>
      <View className={`cl-text public-entry__text ${long && !open ? 'public-entry__text--folded' : ''}`}>{entry.text}</View>
      {long ? (
        <Tappable className="link public-entry__toggle" onTap={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </Tappable>
      ) : null}
      {entry.images.length ? (
        <View className="cl-images">
          {entry.thumbnails.map((url, i) => (
            <Tappable key={url} className="cl-image public-entry__image" label={`查看大图${i + 1}`} onTap={() => void Taro.previewImage({ urls: entry.images, current: entry.images[i] })}>
              <Picture src={url} alt={`${entry.title} 图片${i + 1}`} mode="aspectFill" />
            </Tappable>
          ))}
        </View>
      ) : null}
      {entry.video ? (
        <View className="cl-video public-entry__video">
          <View className="cl-video__box">
            <Video className="cl-video__player" src={entry.video.url} controls objectFit="contain" />
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** 创建日志: the entries the collective made public, newest first; a video only once its managing unit approved it. */
function EntriesSection({ code, first }: { code: string; first: PublicPageView['entries'] }) {
  const list = useMore<PublicEntryView>(first, (cursor) => publicEntries({ code, cursor }));
  return (
    <Section title="创建日志" className="public-entries">
      {list.items.map((entry) => (
        <PublicEntryCard key={entry.id} entry={entry} />
      ))}
      <LoadMore list={list} empty="还没有公开的创建日志" />
    </Section>
  );
}

/** 监督查评: shown only to a supervisor whose unit's subtree holds this collective. */
function SupervisionEntry({ code }: { code: string }) {
  const [inScope, setInScope] = useState(false);
  useEffect(() => {
    if (mayBeSupervisor()) void mySupervision({ code }).then((r) => setInScope(r.ok && r.data.target !== null));
  }, [code]);
  if (!inScope) return null;
  return (
    <Section title="监督查评" className="supervision-entry">
      <View className="supervision-entry__note">您是该集体所属管理单位聘任的社会监督员。报告先交管理单位，经转发后集体可见，不显示您的身份。</View>
      <Tappable className="link btn-new-report" onTap={() => go(ROUTES.supervisionReport, { code })}>
        提交明察暗访报告 ›
      </Tappable>
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
      <SupervisionEntry code={page.collective.code} />
      <ComplaintSection complaint={page.complaint} onComplain={page.acceptsEvaluations ? () => go(ROUTES.complain, { code: page.collective.code }) : undefined} />
      <EventsSection list={events} counts={counts} />
      <EntriesSection code={page.collective.code} first={page.entries} />
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

import type { contract } from '../../../../shared/contract';
import type { CollectiveEventView, CollectiveProfileView } from '../../../../shared/contract/collective-page-views';
import { AppError } from '../../../../shared/errors';
import type { AccountDoc } from '../../collections';
import type { EventDoc } from '../../collections/openweek';
import { InvalidCursorError, type Filter, type Page } from '../../ports/store';
import type { Handler } from '../../router';
import { eventCardViews } from './views';
import { placeOf } from '../../common/collective-place';

type Part = 'upcoming' | 'past';

/**
 * The page's two parts, split at the start time so that each is one range over the index
 * (collectiveId, hidden, startAt) and the counts are exactly the parts' sizes: not started yet (soonest
 * first), and held — started, running or over — latest first. Drafts, cancelled and hidden events never show.
 */
function part(which: Part, collectiveId: string, now: string): { where: Filter; direction: 'asc' | 'desc' } {
  return which === 'upcoming'
    ? { where: { collectiveId, hidden: false, startAt: { $gt: now }, status: 'published' }, direction: 'asc' }
    : { where: { collectiveId, hidden: false, startAt: { $lte: now }, status: { $in: ['published', 'finished'] } }, direction: 'desc' };
}

/** Cursor `upcoming:<store cursor>` or `past:<store cursor>`; `past:` alone is the start of the past part. */
function parseCursor(cursor: string | undefined): { which: Part; after: string | undefined } {
  if (!cursor) return { which: 'upcoming', after: undefined };
  const match = /^(upcoming|past):(.*)$/.exec(cursor);
  if (!match || (match[1] === 'upcoming' && !match[2])) throw new InvalidCursorError();
  return { which: match[1] as Part, after: match[2] || undefined };
}

const NOT_FOUND = () => new AppError('NOT_FOUND', '未找到该集体的公开主页');

/**
 * A collective's public page: its name, where it files, how many events it has held and has coming,
 * and its public events page by page. An unknown id (or an admin's) is NOT_FOUND, as is a collective
 * whose code was cancelled and that has nothing public; a collective with an account but no events
 * yet still has its page.
 */
export const collectivePage: Handler<typeof contract.openweek.collectivePage> = async (ctx, input) => {
  const { collectiveId, limit } = input;
  const cursor = parseCursor(input.cursor);
  const now = ctx.now().toISOString();
  const upcoming = part('upcoming', collectiveId, now);
  const past = part('past', collectiveId, now);

  const found = await ctx.store.get<AccountDoc>('accounts', collectiveId);
  const account = found?.role === 'collective' ? found : null;
  if (found && !account) throw NOT_FOUND();
  const counts = {
    eventsHeld: await ctx.store.count('events', past.where),
    upcoming: await ctx.store.count('events', upcoming.where),
  };
  if ((!account || account.status === 'cancelled') && counts.eventsHeld + counts.upcoming === 0) throw NOT_FOUND();

  let profile: CollectiveProfileView;
  if (account) {
    profile = { id: collectiveId, name: account.name, ...(await placeOf(ctx.store, account.unitId)) };
  } else {
    // No account (nothing public would be left without one): the name and unit its latest event carries.
    const latest = await ctx.store.find<EventDoc>('events', { where: { collectiveId, hidden: false, status: { $in: ['published', 'finished'] } }, orderBy: { fields: ['startAt'], direction: 'desc' }, limit: 1 });
    const event = latest.items[0];
    if (!event) throw NOT_FOUND();
    profile = { id: collectiveId, name: event.collectiveName, ...(await placeOf(ctx.store, event.unitId)) };
  }

  const find = (which: Part, after: string | undefined, size: number): Promise<Page<EventDoc>> => {
    const { where, direction } = which === 'upcoming' ? upcoming : past;
    return ctx.store.find<EventDoc>('events', { where, orderBy: { fields: ['startAt'], direction }, after, limit: size });
  };
  const views = async (which: Part, events: EventDoc[]): Promise<CollectiveEventView[]> =>
    (await eventCardViews(ctx.store, events)).map((card, i) => ({ ...card, when: which, summary: which === 'past' ? events[i].summary : null }));

  const items: CollectiveEventView[] = [];
  let nextCursor: string | null = null;
  let { which, after } = cursor;
  if (which === 'upcoming') {
    const page = await find('upcoming', after, limit);
    items.push(...(await views('upcoming', page.items)));
    if (page.nextCursor) nextCursor = `upcoming:${page.nextCursor}`;
    else [which, after] = ['past', undefined];
  }
  if (which === 'past' && !nextCursor) {
    const room = limit - items.length;
    if (room === 0) {
      nextCursor = counts.eventsHeld > 0 ? 'past:' : null;
    } else {
      const page = await find('past', after, room);
      items.push(...(await views('past', page.items)));
      nextCursor = page.nextCursor ? `past:${page.nextCursor}` : null;
    }
  }
  return { collective: profile, counts, items, nextCursor };
};

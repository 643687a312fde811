import { z } from 'zod';
import { eventCardView } from './openweek-views';

/**
 * A collective's public page (三亮 in a later issue): who it is and what it has shown the public.
 * Only what anyone may read: names, the managing unit, counts and public events. No code, no contact,
 * nothing about the people who signed up.
 */
export const collectiveProfileView = z.object({
  id: z.string(),
  /** Its public name (the current one after a rename). */
  name: z.string(),
  /** The unit it files through (归口), e.g. 城区公交站. */
  unit: z.object({ id: z.string(), name: z.string() }),
  /** Its 行业 or 地方: the level-1 unit above it, as the public listing's filters show it; null at the root. */
  channel: z.object({ id: z.string(), name: z.string(), kind: z.enum(['industry', 'region']) }).nullable(),
});
export type CollectiveProfileView = z.infer<typeof collectiveProfileView>;

export const collectiveCountsView = z.object({
  /** Published or finished, not hidden, already started (as the admins' statistics count them). */
  eventsHeld: z.number().int(),
  /** Published, not hidden, not started yet. */
  upcoming: z.number().int(),
});

/** An event on the collective's page: the card, which part of the page it is in, and its summary once recorded. */
export const collectiveEventView = eventCardView.extend({
  when: z.enum(['upcoming', 'past']),
  summary: z.string().nullable(),
});
export type CollectiveEventView = z.infer<typeof collectiveEventView>;

/**
 * One answer per page of events; the profile and counts come with every page so that any page can be
 * shown on its own. Later sections (creation log, evaluations) page through actions of their own.
 */
export const collectivePageView = z.object({
  collective: collectiveProfileView,
  counts: collectiveCountsView,
  /** Upcoming first, soonest first; then past ones, latest first. */
  items: z.array(collectiveEventView),
  nextCursor: z.string().nullable(),
});
export type CollectivePageView = z.infer<typeof collectivePageView>;

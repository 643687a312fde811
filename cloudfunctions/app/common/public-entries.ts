import type { PublicEntryView } from '../../../shared/contract/creationlog-views';
import type { CreationEntryDoc } from '../collections/creationlog';
import type { Store } from '../ports/store';
import { entryCategoryLabel } from './creation-categories';

/**
 * Readers of the entries a collective made public (features/creationlog/set-public.ts writes them):
 * shared because the 三亮 page (evaluation) and the 考评's item 9 (management) read them.
 */

/** What the public sees of an entry: its video only once a managing admin approved it. */
export const publicEntryView = (entry: CreationEntryDoc): PublicEntryView => ({
  id: entry.id,
  title: entry.title,
  category: entry.category,
  categoryLabel: entryCategoryLabel(entry),
  workDate: entry.workDate || null,
  text: entry.text,
  images: entry.images,
  thumbnails: entry.thumbnails ?? entry.images,
  video: entry.video?.approvedAt ? { url: entry.video.url, seconds: entry.video.seconds } : null,
  submittedAt: entry.submittedAt ?? '',
});

/** A page of a collective's public entries, newest submission first, through the (collectiveId, publicState, submittedAt) index. */
export async function publicEntriesPage(store: Store, collectiveId: string, after: string | undefined, limit: number) {
  const page = await store.find<CreationEntryDoc>('creationEntries', {
    where: { collectiveId, publicState: 'public' },
    orderBy: { fields: ['submittedAt'], direction: 'desc' },
    after,
    limit,
  });
  return { items: page.items.map(publicEntryView), nextCursor: page.nextCursor };
}

/** Public entries of a unit's subtree in a campaign, counted through the (campaignId, publicState, unitPath) index. */
export const publicEntryCount = (store: Pick<Store, 'count'>, campaignId: string, unitPath: string): Promise<number> =>
  store.count('creationEntries', { campaignId, publicState: 'public', unitPath: { $prefix: unitPath } });

import { DEFAULT_CATEGORIES, labelIn, type CategoryItem } from '../../../shared/domain/creationlog/categories';
import type { CreationCategoriesDoc, CreationEntryDoc } from '../collections/creationlog';
import type { StoreOps } from '../ports/store';

/**
 * A campaign's creation-log categories: its own list once the office set one, else the default list (version 0).
 * Shared because the entry views of the creation log and the 三亮 page name an entry's category.
 */
export async function campaignCategories(store: Pick<StoreOps, 'get'>, campaignId: string): Promise<{ categories: CategoryItem[]; version: number }> {
  const doc = await store.get<CreationCategoriesDoc>('creationCategories', campaignId);
  return doc ? { categories: doc.categories, version: doc.version } : { categories: DEFAULT_CATEGORIES, version: 0 };
}

/** An entry's category as it was named when saved; entries from before per-campaign lists are named by the default list. */
export const entryCategoryLabel = (entry: Pick<CreationEntryDoc, 'category' | 'categoryLabel'>): string | null =>
  entry.categoryLabel ?? labelIn(DEFAULT_CATEGORIES, entry.category);

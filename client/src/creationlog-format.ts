import { labelIn, type CategoryItem } from '../../shared/domain/creationlog/categories';
import type { MonthCountsView } from '../../shared/contract/creationlog-views';

/** An entry's category as its campaign's list named it. */
export const categoryLabel = (entry: { categoryLabel: string | null }) => entry.categoryLabel ?? '未选类别';

/** '2018-11' → '2018年11月'; '' (a draft's group) → '草稿'. */
export const monthLabel = (month: string) => (month ? `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月` : '草稿');

/** "志愿服务 2 · 学习培训 1": the categories a month has entries in, named by the campaign's list. */
export function categoryCounts(counts: Pick<MonthCountsView, 'byCategory'>, categories: CategoryItem[]): string {
  return Object.entries(counts.byCategory)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${labelIn(categories, code)} ${n}`)
    .join(' · ');
}

/** '42秒 · 3.2MB': a video's length and size as the server read them. */
export const videoFacts = (video: { seconds: number; bytes: number }) => `${Math.round(video.seconds)}秒 · ${(video.bytes / 1024 / 1024).toFixed(1)}MB`;

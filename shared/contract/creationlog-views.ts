import { z } from 'zod';

/** Counts per category are keyed by the category's code. */
const counts = z.object({ total: z.number().int(), byCategory: z.record(z.string(), z.number().int()) });

/** One creation-log category of a campaign's list. */
export const categoryView = z.object({
  code: z.string(),
  label: z.string(),
  /** Not offered for new entries; entries that have it keep it. */
  hidden: z.boolean(),
});

/** A campaign's creation-log categories (its own list, or the default one), in the order they are offered. */
export const categoryListView = z.object({
  campaignId: z.string(),
  /** inUse: some entry of the campaign has it, so it can be hidden but not removed or renamed. */
  categories: z.array(categoryView.extend({ inUse: z.boolean() })),
  /** 0 while the campaign has the default list. */
  version: z.number().int(),
});
export type CategoryListView = z.infer<typeof categoryListView>;
export type EntryCounts = z.infer<typeof counts>;

/** Entries submitted in one China-time month ('YYYY-MM'), in total and per category. */
export const monthCountsView = counts.extend({ month: z.string() });
export type MonthCountsView = z.infer<typeof monthCountsView>;

/** 指导意见: what an admin of the collective's chain wrote about a submitted entry. */
export const guidanceView = z.object({
  id: z.string(),
  /** The admin's unit and level as the collective reads them (交通 · 一级管理员), never a personal account name. */
  authorUnitName: z.string(),
  authorRole: z.string(),
  text: z.string(),
  at: z.string(),
});
export type GuidanceView = z.infer<typeof guidanceView>;

/** One entry of a list: the collective's timeline, or an admin's feed. */
export const entryCardView = z.object({
  id: z.string(),
  status: z.enum(['draft', 'submitted']),
  title: z.string(),
  category: z.string().nullable(),
  /** The category's name in its campaign's list (null: none chosen yet). */
  categoryLabel: z.string().nullable(),
  workDate: z.string().nullable(),
  collectiveName: z.string(),
  unitName: z.string(),
  /** The first 80 characters of the text. */
  excerpt: z.string(),
  imageCount: z.number().int(),
  /** Each image's thumbnail (at most 320 px) for lists; an image uploaded before thumbnails came stands for its own. */
  thumbnails: z.array(z.string()),
  /** Its video waits for an admin's approval (pending), was approved, or there is none (null). */
  videoStatus: z.enum(['pending', 'approved']).nullable(),
  guidanceCount: z.number().int(),
  correctsId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** 公开 on the 三亮 page (public), held while content security reviews it (review), or not public (null). */
  publicState: z.enum(['public', 'review']).nullable(),
  /** In an admin's feed: this admin has not opened it yet. Always false for the collective. */
  unread: z.boolean(),
});
export type EntryCardView = z.infer<typeof entryCardView>;

/** A video the server checked by its bytes: seconds and bytes as it read them. */
export const checkedVideoView = z.object({ url: z.string(), seconds: z.number(), bytes: z.number().int() });
export type CheckedVideoView = z.infer<typeof checkedVideoView>;

/** An image the server checked by its bytes, with its thumbnail. */
export const checkedImageView = z.object({ url: z.string(), thumbnailUrl: z.string(), bytes: z.number().int() });
export type CheckedImageView = z.infer<typeof checkedImageView>;

/** A whole entry, with the guidance on it. */
export const entryView = entryCardView.extend({
  text: z.string(),
  images: z.array(z.string()),
  /** approvedByUnitName: the unit of the admin who approved it (null while pending). */
  video: checkedVideoView.extend({ approvedByUnitName: z.string().nullable() }).nullable(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
  correctsTitle: z.string().nullable(),
  guidance: z.array(guidanceView),
  version: z.number().int(),
});
export type EntryView = z.infer<typeof entryView>;

/** A collective that has submitted nothing for a while (lastSubmittedAt null: never since it opened its log). */
export const silentCollectiveView = z.object({
  collectiveId: z.string(),
  collectiveName: z.string(),
  unitName: z.string(),
  lastSubmittedAt: z.string().nullable(),
  /** China-time days since the last submission; null when it never submitted. */
  silentDays: z.number().int().nullable(),
});
export type SilentCollectiveView = z.infer<typeof silentCollectiveView>;

/** A public entry as the 三亮 page shows it: its video only once a managing admin approved it. */
export const publicEntryView = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  workDate: z.string().nullable(),
  text: z.string(),
  images: z.array(z.string()),
  /** Each image's thumbnail, for the page's list (the entry opened shows the images). */
  thumbnails: z.array(z.string()),
  video: z.object({ url: z.string(), seconds: z.number() }).nullable(),
  submittedAt: z.string(),
});
export type PublicEntryView = z.infer<typeof publicEntryView>;

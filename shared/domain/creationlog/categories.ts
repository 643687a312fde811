/**
 * What a creation-log entry is about. Each campaign has its own list (the office configures it); this is the
 * default list of the national notice's manual, which a campaign has until the office changes it. Codes are
 * stored (they become counter fields), labels are shown.
 */
export const ENTRY_CATEGORIES = ['post', 'innovation', 'volunteer', 'openweek', 'learning', 'sanliang', 'other'] as const;
/** A category's code: one of the default list, or one the server gave a category the office added (`c` and 8 hex digits). */
export type EntryCategory = string;
export const CATEGORY_CODE = /^(post|innovation|volunteer|openweek|learning|sanliang|other|c[0-9a-f]{8})$/;

/** A campaign's list holds 1–12 categories, each named in at most 10 characters. */
export const MAX_CATEGORIES = 12;
export const MAX_CATEGORY_LABEL = 10;

export interface CategoryItem {
  code: string;
  label: string;
  /** Hidden from new entries; entries that have it keep it (a category in use is never removed). */
  hidden: boolean;
}

export const ENTRY_CATEGORY_LABELS: Record<(typeof ENTRY_CATEGORIES)[number], string> = {
  post: '岗位建功',
  innovation: '创新创效',
  volunteer: '志愿服务',
  openweek: '开放周',
  learning: '学习培训',
  sanliang: '三亮',
  other: '其他',
};

export const DEFAULT_CATEGORIES: CategoryItem[] = ENTRY_CATEGORIES.map((code) => ({ code, label: ENTRY_CATEGORY_LABELS[code], hidden: false }));

/** The label of a category in a list (a code it lacks: the default list's name, else 其他). */
export const labelIn = (categories: CategoryItem[], code: string | null): string | null =>
  code === null ? null : ([...categories, ...DEFAULT_CATEGORIES].find((c) => c.code === code)?.label ?? '其他');

/** The longest text of an entry, in characters. */
export const MAX_ENTRY_TEXT = 5000;
/** The most images one entry carries. */
export const MAX_ENTRY_IMAGES = 9;
/**
 * An entry's image as the device compressed it (at most 1600 px on its longest edge) and its thumbnail for lists
 * (at most 320 px): JPEG or PNG, at most these many bytes each.
 */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 200 * 1024;
/** One short video per entry: MP4, at most 60 seconds and 50 MB. */
export const MAX_VIDEO_SECONDS = 60;
export const MAX_VIDEO_BYTES = 50 * 1024 * 1024;

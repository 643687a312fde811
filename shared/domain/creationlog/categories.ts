/**
 * What a creation-log entry is about. The campaign default list of the national notice's manual;
 * codes are stored (they become counter fields), labels are shown.
 */
export const ENTRY_CATEGORIES = ['post', 'innovation', 'volunteer', 'openweek', 'learning', 'sanliang', 'other'] as const;
export type EntryCategory = (typeof ENTRY_CATEGORIES)[number];

export const ENTRY_CATEGORY_LABELS: Record<EntryCategory, string> = {
  post: '岗位建功',
  innovation: '创新创效',
  volunteer: '志愿服务',
  openweek: '开放周',
  learning: '学习培训',
  sanliang: '三亮',
  other: '其他',
};

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

import type { CategoryItem, EntryCategory } from '../../../shared/domain/creationlog/categories';
import type { AdminLevel } from '../../../shared/domain/roles';
import type { IndexSpec } from './index-spec';

/**
 * The admin feed is read as "a unit's subtree, submitted, newest first". As with filings (collections/filing.ts),
 * each entry carries its ancestor at every level, so a level-k subtree is an equality on unitLk and one index
 * serves filter and order, page after page, whatever the number of entries.
 */
const feedIndexes: IndexSpec[] = [
  { fields: ['campaignId', 'status', 'submittedAt'] },
  ...(['unitL1', 'unitL2', 'unitL3'] as const).map((level) => ({ fields: ['campaignId', 'status', level, 'submittedAt'] })),
];

/** Collections of the creation log (issue #13), with the indexes their queries need. */
export const CREATIONLOG_COLLECTIONS = {
  /** A collective's own entries: drafts by last change, submitted ones by submission. */
  creationEntries: [
    ...feedIndexes,
    { fields: ['collectiveId', 'status', 'updatedAt'] },
    { fields: ['collectiveId', 'status', 'submittedAt'] },
    /** The 三亮 page's public entries of one collective, newest first (common/public-entries.ts). */
    { fields: ['collectiveId', 'publicState', 'submittedAt'] },
    /** The 考评's item 9: public entries of a unit's subtree in a campaign, counted through this index. */
    { fields: ['campaignId', 'publicState', 'unitPath'] },
    /** Whether any entry of a campaign has a category (one that is in use is never removed from its list). */
    { fields: ['campaignId', 'category'] },
  ],
  /** One document per admin who opened an entry (`${entryId}:${adminId}`); a feed page finds its own by (adminId, entryId). */
  creationReads: [{ fields: ['adminId', 'entryId'] }],
  /** Per collective, when it last submitted: the silent list of a subtree, oldest silence first. */
  creationActivity: [{ fields: ['lastSubmittedAt'] }, ...(['unitL1', 'unitL2', 'unitL3'] as const).map((level) => ({ fields: [level, 'lastSubmittedAt'] }))],
  /** Entries per month and category, per unit (sharded) and per collective, summed on read (features/creationlog/counts.ts). */
  creationCounts: [{ fields: ['campaignId', 'unitId'] }],
  /** Collectives per day of their latest submission, per unit (sharded): "active in the last 30 days" is a sum of 30 days. */
  creationActiveDays: [{ fields: ['unitId', 'day'] }],
  /** A video a collective put into its folder and the server checked (id: its file name), read by id when an entry names it. */
  creationVideos: [],
  /**
   * Every image and video path a collective was given to upload to (id: the file name without extension), with the
   * entries that name it: the purge job finds those attached to none a day after they were issued.
   */
  creationUploads: [{ fields: ['attached', 'issuedAt'] }],
  /** A campaign's own category list (id: the campaign's), once the office changed the default one. */
  creationCategories: [],
} satisfies Record<string, IndexSpec[]>;

/** A checked video (`creationVideos`): what the server read from its bytes, so saving an entry never reads them again. */
export interface CreationVideoDoc {
  /** The file name without `.mp4` (32 hex digits). */
  id: string;
  collectiveId: string;
  url: string;
  seconds: number;
  bytes: number;
  checkedAt: string;
}

/** An image the server checked (`checkImage`), with the thumbnail lists show. */
export interface CheckedImage {
  url: string;
  thumbnailUrl: string;
  bytes: number;
}

/** A path issued for an upload (`creationUploads`), followed until its files are attached to an entry or deleted. */
export interface CreationUploadDoc {
  /** The file name without extension (32 hex digits); a video's is also its `creationVideos` id. */
  id: string;
  collectiveId: string;
  kind: 'image' | 'video';
  /** The files the device may write for it: an image and its thumbnail, or one video. */
  keys: string[];
  issuedAt: string;
  /** The entries (drafts or submitted) that name it. */
  entryIds: string[];
  /** Some entry names it: its files are kept for good. */
  attached: boolean;
  /** What `checkImage` read (images only); null until then. */
  image: CheckedImage | null;
  /** Set by the purge job before it deletes the files: from then no entry may name it. */
  removing: boolean;
}

/** A campaign's creation-log categories as the office set them (`creationCategories`). */
export interface CreationCategoriesDoc {
  /** The campaign's id. */
  id: string;
  categories: CategoryItem[];
  version: number;
  updatedAt: string;
}

export type PublicState = 'public' | 'review';

export interface PublicHold {
  awaiting: string[];
  alsoHeld: boolean;
}

/** An entry's video; never public until an admin of its chain approves it (WeChat has no automatic video check). */
export interface EntryVideo {
  url: string;
  seconds: number;
  bytes: number;
  approvedAt: string | null;
  approvedByUnitName: string | null;
}

export interface GuidanceRecord {
  id: string;
  authorId: string;
  authorCode: string;
  authorLevel: 0 | AdminLevel;
  authorUnitName: string;
  text: string;
  at: string;
  /**
   * The author's unit path, under which the guidance is counted (creationCounts' `guidance`). Absent on guidance
   * given before it was counted: the data upgrade `creationEntryCounts` counts it and fills this in.
   */
  authorUnitPath?: string;
}

export interface CreationEntryDoc {
  id: string;
  /** The collective (collectives document), which keeps its id across a transfer's new account. */
  collectiveId: string;
  collectiveName: string;
  campaignId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  unitL1: string;
  unitL2: string;
  unitL3: string;
  status: 'draft' | 'submitted';
  title: string;
  /** 'YYYY-MM-DD', or '' while a draft has none. */
  workDate: string;
  text: string;
  images: string[];
  /** Each image's thumbnail for lists, in the same order; absent on entries written before thumbnails came (lists show the images). */
  thumbnails?: string[];
  /** Absent on entries written before videos came. */
  video?: EntryVideo | null;
  /** The video's state kept beside it, so the feed can filter on it (有视频, 视频待审核); absent or null: none. */
  videoStatus?: 'pending' | 'approved' | null;
  category: EntryCategory | null;
  /** The category's name when the entry was saved (a category in use keeps its name); absent on entries from before per-campaign lists: the default list names them. */
  categoryLabel?: string | null;
  /**
   * 公开 on the collective's 三亮 page: public once content security passed its title, text and images;
   * review while a verdict is pending (shown to nobody); absent or null: not public.
   */
  publicState?: PublicState | null;
  /**
   * While `review`: the trace ids of its images whose verdict is still to arrive (media-verdicts/), and whether
   * something else holds it too (text under review, an image no verdict will come for, or a verdict of review);
   * it becomes public when the last trace id passes and nothing else holds it. Absent or null otherwise.
   */
  publicHold?: PublicHold | null;
  eventId: string | null;
  eventTitle: string | null;
  correctsId: string | null;
  correctsTitle: string | null;
  submittedAt: string | null;
  /** Whether some admin at level 0 (the office) … 3 of its chain has read it: the feed's "nobody at my level read it". */
  readL0: boolean;
  readL1: boolean;
  readL2: boolean;
  readL3: boolean;
  /**
   * Its first reading by an admin of its branch (readL1–3) is in the counters (creationCounts' `read`). Absent on
   * entries read before that was counted, until the data upgrade `creationEntryCounts` counts them.
   */
  readCounted?: boolean;
  guidance: GuidanceRecord[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreationReadDoc {
  id: string;
  entryId: string;
  adminId: string;
  at: string;
}

/** One per collective, created when it first opens its log. */
export interface CreationActivityDoc {
  /** The collective's id. */
  id: string;
  collectiveName: string;
  unitName: string;
  unitPath: string;
  unitL1: string;
  unitL2: string;
  unitL3: string;
  /** '' until its first submission: it then sorts first, the longest silence. */
  lastSubmittedAt: string;
  openedAt: string;
}

export interface CreationCountDoc {
  /** `${campaignId}:${unitId}:${month}:${shard}`; a collective's own: campaignId '', unitId `c:${collectiveId}`, shard 0. */
  id: string;
  campaignId: string;
  unitId: string;
  month: string;
  shard: number;
  total: number;
  /**
   * 指导意见 given by admins of the unit's subtree (never on a collective's own counter), on entries submitted in
   * `month`: the month of the entry the guidance was on, so a month never appears for guidance alone.
   */
  guidance?: number;
  /** Entries submitted in `month` that an admin of their branch (levels 1–3) has read, each counted once. */
  read?: number;
  /** Per category code, how many (the campaign's codes: `c…` ones never clash with the fields above; common/creation-counts lists them). */
  [category: string]: string | number | undefined;
}

export interface CreationActiveDayDoc {
  /** `${unitId}:${day}:${shard}`. */
  id: string;
  unitId: string;
  /** China-time date 'YYYY-MM-DD'. */
  day: string;
  shard: number;
  /** Collectives whose latest submission fell on this day (a shard may go negative; the sum is right). */
  collectives: number;
}

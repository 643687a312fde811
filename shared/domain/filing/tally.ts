import type { TitleLevel } from './rules';
import type { FilingStatus } from './status';
import { chinaDateOf, addDays } from './window';

/**
 * What one filing adds to the counters of every unit on its path (cloudfunctions/app/common/filing-counts.ts).
 * The dashboard's figures are sums of these, so they always equal what the filings themselves hold:
 * - one for its status;
 * - while it counts as 报备 (submitted, not revoked or closed): one for 往届 (it held any title before),
 *   one for 非公 / 社会组织, and one in the China-time week (Monday) of its latest submission.
 */
export const TALLY_VERSION = 2 as const;

/** Statuses that count as 报备集体: submitted and neither revoked nor closed. */
export const SUBMITTED: Record<FilingStatus, boolean> = {
  draft: false,
  filed: true,
  reviewing: true,
  returned: true,
  approved: true,
  revoked: false,
  closed: false,
};

export interface TalliedFiling {
  status: FilingStatus;
  topTitle: 'none' | TitleLevel;
  nonPublic: boolean;
  submittedAt: string | null;
  /** TALLY_VERSION when the counters hold its whole tally; absent on filings counted by status only (before issue #14). */
  tallied?: number;
}

export type Tally = Record<string, number>;

const WEEK_FIELD = /^w(\d{4})(\d{2})(\d{2})$/;

/** The Monday (China time) of the week an instant falls in, 'YYYY-MM-DD'. */
export function chinaWeekOf(at: Date): string {
  const date = chinaDateOf(at);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** A week as a counter field: letters and digits only, as both stores accept for a field name. */
export const weekField = (monday: string) => `w${monday.replace(/-/g, '')}`;

/** The Monday a week field stands for, or null when the field is not a week. */
export function weekOfField(field: string): string | null {
  const m = WEEK_FIELD.exec(field);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The counter fields a filing adds one to, as the current version counts it. */
export function tallyOf(f: TalliedFiling): Tally {
  const tally: Tally = { [f.status]: 1 };
  if (!SUBMITTED[f.status]) return tally;
  if (f.topTitle !== 'none') tally.pastHolders = 1;
  if (f.nonPublic) tally.nonPublic = 1;
  if (f.submittedAt) tally[weekField(chinaWeekOf(new Date(f.submittedAt)))] = 1;
  return tally;
}

/** What the counters hold for a stored filing: its whole tally, or its status alone when counted before issue #14. */
export const countedTally = (f: TalliedFiling): Tally => (f.tallied === TALLY_VERSION ? tallyOf(f) : { [f.status]: 1 });

/** `after − before`, without the fields that do not change. */
export function tallyChange(before: Tally | null, after: Tally | null): Tally {
  const change: Tally = { ...after };
  for (const [field, n] of Object.entries(before ?? {})) change[field] = (change[field] ?? 0) - n;
  for (const field of Object.keys(change)) if (change[field] === 0) delete change[field];
  return change;
}

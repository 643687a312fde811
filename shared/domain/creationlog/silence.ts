import { addDays, chinaDateOf, chinaMidnight } from '../filing/window';

/**
 * When a collective counts as silent: nothing submitted to its creation log on the last `days` China-time
 * calendar days (today included). Submitting at any time of a day counts for that whole day, so the
 * boundary is 00:00 China time, never a rolling 24 h × days.
 */
export const SILENCE_DAYS = 30;

/** The first instant that still counts as "within the last `days` days" of `now`: 00:00 China time, `days - 1` days ago. */
export function silenceCutoff(now: Date, days: number = SILENCE_DAYS): Date {
  return chinaMidnight(addDays(chinaDateOf(now), -(days - 1)));
}

/** Whole China-time calendar days from the day of `since` to the day of `now` (0 on the same day). */
export function daysSince(since: Date, now: Date): number {
  return Math.round((chinaMidnight(chinaDateOf(now)).getTime() - chinaMidnight(chinaDateOf(since)).getTime()) / 86_400_000);
}

/** Whether nothing submitted since `lastSubmittedAt` (null: never, counted from `startedAt`) leaves `days` days of silence. */
export function isSilent(lastSubmittedAt: Date | null, startedAt: Date, now: Date, days: number = SILENCE_DAYS): boolean {
  return (lastSubmittedAt ?? startedAt).getTime() < silenceCutoff(now, days).getTime();
}

/** The China-time month of an instant, 'YYYY-MM': the month an entry counts in. */
export function chinaMonthOf(at: Date): string {
  return chinaDateOf(at).slice(0, 7);
}

/** 00:00 China time on the first of a 'YYYY-MM' month, and of the month after: the range of its instants. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: chinaMidnight(`${month}-01`), to: chinaMidnight(`${next}-01`) };
}

/**
 * Entries grouped by the month they were submitted in (China time), newest month first, in the order
 * given within a month: how the timeline shows a page of entries.
 */
export function groupByMonth<T extends { submittedAt: string | null }>(entries: T[]): Array<{ month: string; entries: T[] }> {
  const groups: Array<{ month: string; entries: T[] }> = [];
  for (const entry of entries) {
    const month = entry.submittedAt ? chinaMonthOf(new Date(entry.submittedAt)) : '';
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.entries.push(entry);
    else groups.push({ month, entries: [entry] });
  }
  return groups;
}

/**
 * Filing windows in China time (UTC+8 all year: China has no daylight saving).
 * A window is two China-time dates with explicit meaning:
 *   `opens`        — open from 00:00 China time of that day;
 *   `closesBefore` — closed from 00:00 China time of that day ("before 2017-09-30" means
 *                    2017-09-29 23:59:59.999+08:00 is the last open instant).
 */
export interface FilingWindow {
  opens: string;
  closesBefore: string;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isChinaDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** 00:00 China time of a 'YYYY-MM-DD' date, as a UTC instant. */
export function chinaMidnight(date: string): Date {
  const m = DATE.exec(date);
  if (!m || !isChinaDate(date)) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CHINA_OFFSET_MS);
}

/** The China-time calendar date of an instant, 'YYYY-MM-DD'. */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A China-time date `days` after another (negative: before). */
export function addDays(date: string, days: number): string {
  return chinaDateOf(new Date(chinaMidnight(date).getTime() + days * 86_400_000));
}

export type WindowState = 'notYetOpen' | 'open' | 'closed';

export function windowState(window: FilingWindow, at: Date): WindowState {
  const t = at.getTime();
  if (t < chinaMidnight(window.opens).getTime()) return 'notYetOpen';
  if (t >= chinaMidnight(window.closesBefore).getTime()) return 'closed';
  return 'open';
}

/** The last open instant: one millisecond before 00:00 China time of `closesBefore`. */
export function lastOpenInstant(window: FilingWindow): Date {
  return new Date(chinaMidnight(window.closesBefore).getTime() - 1);
}

/** The last China-time day on which filings are accepted: the day before `closesBefore`. */
export function lastFilingDay(window: FilingWindow): string {
  return addDays(window.closesBefore, -1);
}

/** "2019-01-19 24:00" reads badly; the window is shown as its first and last open China-time days. */
export function describeWindow(window: FilingWindow): string {
  return `${window.opens} 至 ${lastFilingDay(window)}（北京时间，${window.closesBefore} 0时起截止）`;
}

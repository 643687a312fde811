/**
 * Working days in China time: Monday to Friday, except configured public holidays, plus configured 调休
 * Saturdays and Sundays that are worked. One calendar for every deadline counted in working days
 * (差评 follow-up; later review reminders). Dates are China-time calendar dates, "2019-02-04".
 */
export interface WorkCalendar {
  /** Weekdays that are days off (法定节假日). */
  holidays: readonly string[];
  /** Weekend days that are workdays (调休上班). */
  workdays: readonly string[];
}

/** Weekends only: what holds until holidays are configured. */
export const WEEKENDS_ONLY: WorkCalendar = { holidays: [], workdays: [] };

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The China-time calendar date of an instant. */
export const chinaDate = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** 00:00 China time of a calendar date, as an instant. */
const chinaMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS);

const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline N working days after `from`: the day of `from` does not count; the Nth working day after
 * it does, through its last minute. Answered as the first instant that is late (00:00 China time of the
 * next day), so "in time" is `at < deadline`.
 */
export function workingDaysDeadline(from: Date, days: number, calendar: WorkCalendar): Date {
  let date = chinaDate(from);
  for (let counted = 0; counted < days; ) {
    date = nextDate(date);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return chinaMidnight(nextDate(date));
}

/** "2019-02-04, 2019-02-05" → dates; anything that is not YYYY-MM-DD is refused by name. */
export function parseDates(text: string): { dates: string[]; invalid: string[] } {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  return { dates: parts.filter(valid), invalid: parts.filter((d) => !valid(d)) };
}

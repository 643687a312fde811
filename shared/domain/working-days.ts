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

/** Days since 1970-01-01 of a calendar date: deadlines count whole days, and numbers are cheaper to step than date strings. */
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;

/** The calendar's dates as day numbers, built once per calendar: a deadline is computed with every evaluation and complaint. */
const daySets = new WeakMap<WorkCalendar, { holidays: Set<number>; workdays: Set<number> }>();

function daysOf(calendar: WorkCalendar): { holidays: Set<number>; workdays: Set<number> } {
  let sets = daySets.get(calendar);
  if (!sets) {
    sets = { holidays: new Set(calendar.holidays.map(dayNumber)), workdays: new Set(calendar.workdays.map(dayNumber)) };
    daySets.set(calendar, sets);
  }
  return sets;
}

function isWorkingDayNumber(day: number, calendar: WorkCalendar): boolean {
  const { holidays, workdays } = daysOf(calendar);
  if (workdays.has(day)) return true;
  if (holidays.has(day)) return false;
  // 1970-01-01 was a Thursday (getUTCDay 4).
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}

export const isWorkingDay = (date: string, calendar: WorkCalendar): boolean => isWorkingDayNumber(dayNumber(date), calendar);

/**
 * The deadline N working days after `from`: the day of `from` does not count; the Nth working day after
 * it does, through its last minute. Answered as the first instant that is late (00:00 China time of the
 * next day), so "in time" is `at < deadline`.
 */
export function workingDaysDeadline(from: Date, days: number, calendar: WorkCalendar): Date {
  let day = Math.floor((from.getTime() + CHINA_OFFSET_MS) / DAY_MS);
  for (let counted = 0; counted < days; ) {
    day++;
    if (isWorkingDayNumber(day, calendar)) counted++;
  }
  return new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS);
}

/** "2019-02-04, 2019-02-05" → dates; anything that is not YYYY-MM-DD is refused by name. */
export function parseDates(text: string): { dates: string[]; invalid: string[] } {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  return { dates: parts.filter(valid), invalid: parts.filter((d) => !valid(d)) };
}

import { z } from 'zod';
import { parseDates, type WorkCalendar } from '../../shared/domain/working-days';
import { optionalVar } from './env';

const datesVar = optionalVar(
  z.string().transform((text, ctx) => {
    const { dates, invalid } = parseDates(text);
    if (invalid.length === 0) return dates;
    ctx.addIssue({ code: 'custom', message: `not a date (YYYY-MM-DD): ${invalid.join(', ')}` });
    return z.NEVER;
  }),
);

/** The working-day calendar's variables, read the same way by the local host and the CloudBase functions. */
export const calendarEnv = {
  /** China-time dates of weekdays off (法定节假日), comma-separated. */
  PUBLIC_HOLIDAYS: datesVar,
  /** China-time dates of weekend days worked (调休上班), comma-separated. */
  ADJUSTED_WORKDAYS: datesVar,
};

export const calendarFromEnv = (env: { PUBLIC_HOLIDAYS?: string[]; ADJUSTED_WORKDAYS?: string[] }): WorkCalendar => ({
  holidays: env.PUBLIC_HOLIDAYS ?? [],
  workdays: env.ADJUSTED_WORKDAYS ?? [],
});

import { chinaDate, isWorkingDay, parseDates, WEEKENDS_ONLY, workingDaysDeadline } from '../../shared/domain/working-days';

/** The 2019 Spring Festival: 4–8 February off (with the weekend around them), 2 and 3 February worked (调休). */
const SPRING_2019 = { holidays: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'], workdays: ['2019-02-02', '2019-02-03'] };

describe('working days in China time', () => {
  test('Monday to Friday work, the weekend does not, unless the calendar says otherwise', () => {
    expect(['2019-01-28', '2019-02-01', '2019-02-02', '2019-02-03'].map((d) => isWorkingDay(d, WEEKENDS_ONLY))).toEqual([true, true, false, false]);
    expect(['2019-02-02', '2019-02-04'].map((d) => isWorkingDay(d, SPRING_2019))).toEqual([true, false]);
  });

  test('five working days from a Friday end with the next Friday: late from Saturday 00:00 China time', () => {
    expect(workingDaysDeadline(new Date('2019-01-18T02:00:00Z'), 5, WEEKENDS_ONLY).toISOString()).toBe('2019-01-25T16:00:00.000Z');
  });

  test('across the Spring Festival the 调休 weekend counts and the holiday week does not', () => {
    // Thursday 31 January: Fri 1, Sat 2 (调休), Sun 3 (调休), then the holidays and a weekend, Mon 11, Tue 12.
    expect(workingDaysDeadline(new Date('2019-01-31T03:00:00Z'), 5, SPRING_2019).toISOString()).toBe('2019-02-12T16:00:00.000Z');
  });

  test('the last minute of the last day is in time; the next minute is late', () => {
    const deadline = workingDaysDeadline(new Date('2019-01-31T03:00:00Z'), 5, SPRING_2019).getTime();
    expect(Date.parse('2019-02-12T15:59:59Z') < deadline).toBe(true);
    expect(Date.parse('2019-02-12T16:00:00Z') < deadline).toBe(false);
  });

  test('the day a 差评 arrives is its China-time date: 23:59 is still that day, 00:00 the next', () => {
    expect(chinaDate(new Date('2019-01-17T15:59:00Z'))).toBe('2019-01-17');
    expect(chinaDate(new Date('2019-01-17T16:00:00Z'))).toBe('2019-01-18');
    expect(workingDaysDeadline(new Date('2019-01-17T15:59:00Z'), 1, WEEKENDS_ONLY).toISOString()).toBe('2019-01-18T16:00:00.000Z');
    expect(workingDaysDeadline(new Date('2019-01-17T16:00:00Z'), 1, WEEKENDS_ONLY).toISOString()).toBe('2019-01-21T16:00:00.000Z');
  });

  test('PUBLIC_HOLIDAYS and ADJUSTED_WORKDAYS read as dates; anything else is named', () => {
    expect(parseDates('2019-02-04, 2019-02-05，2019-02-06')).toEqual({ dates: ['2019-02-04', '2019-02-05', '2019-02-06'], invalid: [] });
    expect(parseDates('2019-02-30 2019-2-4').invalid).toEqual(['2019-02-30', '2019-2-4']);
  });
});

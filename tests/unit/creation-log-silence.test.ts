import { chinaMonthOf, daysSince, groupByMonth, isSilent, monthRange, silenceCutoff } from '../../shared/domain/creationlog/silence';

const at = (iso: string) => new Date(iso);

describe('30 days without a submission, counted in China-time calendar days', () => {
  // Submitted 2018-11-20 23:30 China time (15:30 UTC): that whole day counts as a day with a submission.
  const last = at('2018-11-20T15:30:00.000Z');
  const opened = at('2018-11-01T00:00:00.000Z');

  test('the 29th day after is still within the 30 days, up to its last China-time millisecond', () => {
    expect(isSilent(last, opened, at('2018-12-19T15:59:59.999Z'))).toBe(false);
    expect(daysSince(last, at('2018-12-19T15:59:59.999Z'))).toBe(29);
  });

  test('from 00:00 China time of the 30th day the collective is silent', () => {
    expect(isSilent(last, opened, at('2018-12-19T16:00:00.000Z'))).toBe(true);
    expect(daysSince(last, at('2018-12-19T16:00:00.000Z'))).toBe(30);
  });

  test('a late-evening submission (China) counts for its China day, not for the UTC day it falls in', () => {
    // 2018-11-20 23:30 China is still 20 November in UTC; 2018-11-21 00:30 China is 20 November 16:30 UTC.
    expect(daysSince(at('2018-11-20T16:30:00.000Z'), at('2018-11-21T03:00:00.000Z'))).toBe(0);
    expect(daysSince(at('2018-11-20T15:30:00.000Z'), at('2018-11-20T16:30:00.000Z'))).toBe(1);
  });

  test('never submitted: counted from when the log was opened', () => {
    expect(isSilent(null, opened, at('2018-11-30T15:59:59.999Z'))).toBe(false);
    expect(isSilent(null, opened, at('2018-11-30T16:00:00.000Z'))).toBe(true);
  });

  test('the cutoff is 00:00 China time, 29 days (or 59) before today', () => {
    expect(silenceCutoff(at('2018-12-20T03:00:00.000Z')).toISOString()).toBe('2018-11-20T16:00:00.000Z');
    expect(silenceCutoff(at('2018-12-20T03:00:00.000Z'), 60).toISOString()).toBe('2018-10-21T16:00:00.000Z');
  });
});

describe('months in China time', () => {
  test('an entry submitted on the evening of the last day of a month (UTC) can fall in the next China month', () => {
    expect(chinaMonthOf(at('2018-11-30T15:59:59.999Z'))).toBe('2018-11');
    expect(chinaMonthOf(at('2018-11-30T16:00:00.000Z'))).toBe('2018-12');
  });

  test("a month's range runs from 00:00 China time on its first to the next month's, December into January", () => {
    expect(monthRange('2018-12')).toEqual({ from: at('2018-11-30T16:00:00.000Z'), to: at('2018-12-31T16:00:00.000Z') });
  });

  test('a timeline page groups entries by the China month they were submitted in, keeping their order', () => {
    const entries = [
      { id: 'c', submittedAt: '2018-12-01T01:00:00.000Z' },
      { id: 'b', submittedAt: '2018-11-30T17:00:00.000Z' },
      { id: 'a', submittedAt: '2018-11-30T15:00:00.000Z' },
    ];
    expect(groupByMonth(entries).map((g) => [g.month, g.entries.map((e) => e.id)])).toEqual([
      ['2018-12', ['c', 'b']],
      ['2018-11', ['a']],
    ]);
  });
});

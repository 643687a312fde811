import { addDays, chinaDateOf, chinaMidnight, lastOpenInstant, windowState } from '../../shared/domain/filing/window';
import { NATIONAL_2017_2018_RULES, YUEYANG_2017_2018_RULES } from '../../shared/domain/filing/rules';

describe('filing windows in China time', () => {
  const national = NATIONAL_2017_2018_RULES.window;
  const yueyang = YUEYANG_2017_2018_RULES.window;

  test('China midnight is 16:00 UTC the day before', () => {
    expect(chinaMidnight('2017-09-30').toISOString()).toBe('2017-09-29T16:00:00.000Z');
  });

  test('"before 2017-09-30" is still open at 2017-09-29 23:59:59.999 China time', () => {
    expect(lastOpenInstant(national).toISOString()).toBe('2017-09-29T15:59:59.999Z');
    expect(windowState(national, new Date('2017-09-29T23:59:59.999+08:00'))).toBe('open');
  });

  test('the national window is closed from 2017-09-30 00:00 China time, even though it is still the 29th in UTC', () => {
    expect(windowState(national, new Date('2017-09-30T00:00:00.000+08:00'))).toBe('closed');
    expect(windowState(national, new Date('2017-09-29T16:00:00.000Z'))).toBe('closed');
  });

  test('the national window opens at 2015-10-01 00:00 China time and not a millisecond earlier', () => {
    expect(windowState(national, new Date('2015-09-30T23:59:59.999+08:00'))).toBe('notYetOpen');
    expect(windowState(national, new Date('2015-10-01T00:00:00.000+08:00'))).toBe('open');
  });

  test("Yueyang's list is due before 2019-01-20: the 19th's last millisecond is open, midnight in Asia/Shanghai is closed", () => {
    expect(windowState(yueyang, new Date('2019-01-19T23:59:59.999+08:00'))).toBe('open');
    expect(windowState(yueyang, new Date('2019-01-20T00:00:00.000+08:00'))).toBe('closed');
  });

  test('the China-time date of an instant turns at 16:00 UTC', () => {
    expect(chinaDateOf(new Date('2019-01-19T15:59:59.999Z'))).toBe('2019-01-19');
    expect(chinaDateOf(new Date('2019-01-19T16:00:00.000Z'))).toBe('2019-01-20');
  });

  test('days are added in China time, across month and year ends', () => {
    expect(addDays('2019-01-20', -3)).toBe('2019-01-17');
    expect(addDays('2018-12-30', 3)).toBe('2019-01-02');
  });

  test('an impossible date is refused', () => {
    expect(() => chinaMidnight('2019-02-30')).toThrow();
  });
});

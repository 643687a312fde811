import national from '../fixtures/quotas-national-2017-2018.json';
import { chinaWeekOf, countedTally, tallyChange, tallyOf, TALLY_VERSION, weekField, weekOfField } from '../../shared/domain/filing/tally';
import { NATIONAL_2017_2018_RULES, YUEYANG_2017_2018_RULES } from '../../shared/domain/filing/rules';
import { FIVE_ONES, fiveOnesProgress } from '../../shared/domain/management/five-ones';
import { countdownText, DEFAULT_TARGET_MULTIPLIER, filingCountdown, quotaTarget, share } from '../../shared/domain/management/progress';

const row = (name: string, sub: string | null = null) => {
  const found = national.rows.find((r) => r.name === name && r.sub === sub);
  if (!found) throw new Error(`no row ${name}`);
  return { places: null, base: found.base, requiredFilings: found.requiredFilings };
};

describe('a unit’s target of filings', () => {
  test('is ten times its base by default, as the national notice asks', () => {
    expect(DEFAULT_TARGET_MULTIPLIER).toBe(10);
    expect(quotaTarget({ places: null, base: 16, requiredFilings: null }, DEFAULT_TARGET_MULTIPLIER)).toEqual({ target: 160, source: 'multiplier' });
  });

  test('follows the quota table where it states the number itself: 公安 has base 100 and target 100, whatever the multiple', () => {
    expect(quotaTarget(row('公安'), 10)).toEqual({ target: 100, source: 'table' });
    expect(quotaTarget(row('公安'), 3)).toEqual({ target: 100, source: 'table' });
    expect(quotaTarget(row('法院'), 10)).toEqual({ target: 160, source: 'table' });
  });

  test('every row of the national table has a target, 公安 the only one off ten times its base', () => {
    const off = national.rows.filter((r) => quotaTarget({ places: null, base: r.base, requiredFilings: r.requiredFilings }, 10).target !== r.base * 10);
    expect(off.map((r) => r.name)).toEqual(['公安']);
  });

  test('multiplies the places of a table that gives only places (Yueyang), rounding up to whole collectives', () => {
    expect(quotaTarget({ places: 5, base: null, requiredFilings: null }, 1.5)).toEqual({ target: 8, source: 'multiplier' });
    expect(quotaTarget({ places: 2, base: null, requiredFilings: null }, 10)).toEqual({ target: 20, source: 'multiplier' });
  });

  test('is not pushed up by floating-point noise: 10 × 1.1 is 11, not 12', () => {
    expect(quotaTarget({ places: null, base: 10, requiredFilings: null }, 1.1).target).toBe(11);
  });

  test('is absent for a unit without a quota row, and progress is then not a number', () => {
    expect(quotaTarget(null, 10)).toEqual({ target: null, source: null });
    expect(quotaTarget({ places: null, base: null, requiredFilings: null }, 10)).toEqual({ target: null, source: null });
    expect(share(3, null)).toBeNull();
    expect(share(0, 0)).toBeNull();
    expect(share(12, 10)).toBe(1.2);
  });
});

describe('the countdown to the filing close, China time', () => {
  const yueyang = YUEYANG_2017_2018_RULES.window;

  test('one second is left at 23:59:59 of the last filing day, and at its last millisecond', () => {
    const at = filingCountdown(yueyang, new Date('2019-01-19T23:59:59.000+08:00'));
    expect(at).toMatchObject({ state: 'open', seconds: 1, days: 0, hours: 0, minutes: 0, secondsPart: 1 });
    expect(countdownText(at)).toBe('距报备截止还有 1 秒');
    expect(filingCountdown(yueyang, new Date('2019-01-19T23:59:59.999+08:00'))).toMatchObject({ state: 'open', seconds: 1 });
  });

  test('at 00:00 China time of the closing day the filing is closed, although it is still the 19th in UTC', () => {
    const at = filingCountdown(yueyang, new Date('2019-01-19T16:00:00.000Z'));
    expect(at).toMatchObject({ state: 'closed', seconds: 0 });
    expect(countdownText(at)).toBe('报备已截止');
  });

  test('counts whole days, hours, minutes and seconds, leaving out leading zeros', () => {
    const at = filingCountdown(yueyang, new Date('2019-01-17T20:58:57.000+08:00'));
    expect(at).toMatchObject({ days: 2, hours: 3, minutes: 1, secondsPart: 3 });
    expect(countdownText(at)).toBe('距报备截止还有 2 天 3 小时 1 分 3 秒');
    expect(countdownText(filingCountdown(yueyang, new Date('2019-01-19T23:00:00.000+08:00')))).toBe('距报备截止还有 1 小时 0 分 0 秒');
  });

  test('before the window opens it counts down to the opening, 00:00 China time', () => {
    const at = filingCountdown(NATIONAL_2017_2018_RULES.window, new Date('2015-09-30T23:00:00.000+08:00'));
    expect(at).toMatchObject({ state: 'notYetOpen', seconds: 3600 });
    expect(countdownText(at)).toBe('距报备开始还有 1 小时 0 分 0 秒');
  });
});

describe('what one filing adds to its units’ counters', () => {
  const filed = { status: 'filed', topTitle: 'county', nonPublic: true, submittedAt: '2018-11-25T15:59:59.000Z', tallied: TALLY_VERSION } as const;

  test('a week runs Monday to Sunday in China time: Sunday 23:59:59 and Monday 00:00 fall in different weeks', () => {
    expect(chinaWeekOf(new Date('2018-11-25T23:59:59.000+08:00'))).toBe('2018-11-19');
    expect(chinaWeekOf(new Date('2018-11-26T00:00:00.000+08:00'))).toBe('2018-11-26');
    expect(chinaWeekOf(new Date('2018-11-19T00:00:00.000+08:00'))).toBe('2018-11-19');
    expect(weekOfField(weekField('2018-11-19'))).toBe('2018-11-19');
    expect(weekOfField('approved')).toBeNull();
  });

  test('a submitted filing counts its status, 往届, 非公 and its week; a draft only its status', () => {
    expect(tallyOf(filed)).toEqual({ filed: 1, pastHolders: 1, nonPublic: 1, w20181119: 1 });
    expect(tallyOf({ ...filed, status: 'draft', submittedAt: null })).toEqual({ draft: 1 });
  });

  test('a revocation takes the filing out of 往届, 非公 and its week, leaving it counted as revoked', () => {
    expect(tallyChange(tallyOf(filed), tallyOf({ ...filed, status: 'revoked' }))).toEqual({ filed: -1, revoked: 1, pastHolders: -1, nonPublic: -1, w20181119: -1 });
  });

  test('a decision moves only the status; a resubmission in a later week moves the week too', () => {
    expect(tallyChange(tallyOf(filed), tallyOf({ ...filed, status: 'approved' }))).toEqual({ filed: -1, approved: 1 });
    const returned = { ...filed, status: 'returned' } as const;
    expect(tallyChange(tallyOf(returned), tallyOf({ ...filed, submittedAt: '2018-12-03T02:00:00.000Z' }))).toEqual({ returned: -1, filed: 1, w20181119: -1, w20181203: 1 });
  });

  test('a filing counted before issue #14 is held by its status alone until it is upgraded', () => {
    const { tallied: _t, ...legacy } = filed;
    void _t;
    expect(countedTally(legacy)).toEqual({ filed: 1 });
    expect(countedTally(filed)).toEqual(tallyOf(filed));
  });
});

describe('a unit’s 五个一 in a term', () => {
  test('is complete once each of the five is recorded at least once, however often the others are', () => {
    expect(fiveOnesProgress({ meeting: 3, training: 1, inspection: 1, themeActivity: 1, liaisonPlatform: 1 })).toEqual({ done: 5, missing: [], complete: true });
  });

  test('names what is missing, in the notice’s order, counting nothing recorded (or all removed) as missing', () => {
    expect(fiveOnesProgress({})).toEqual({ done: 0, missing: [...FIVE_ONES], complete: false });
    expect(fiveOnesProgress({ meeting: 2, training: 0, liaisonPlatform: 1 })).toEqual({ done: 2, missing: ['training', 'inspection', 'themeActivity'], complete: false });
  });
});

import { compareCodePoints, compareScalars, matchesCondition, matchesFilter } from '../../cloudfunctions/app/ports/filter-match';

const doc = {
  id: 'acc-1',
  code: 'A-100',
  name: 'Beta (1)',
  version: 3,
  active: true,
  openid: null,
  unitPath: '/root/a.b/',
};

describe('matching a filter against a document', () => {
  test('an empty filter matches every document', () => {
    expect(matchesFilter(doc, {})).toBe(true);
  });

  test('a bare value means equality, and every field must hold', () => {
    expect(matchesFilter(doc, { version: 3, active: true })).toBe(true);
    expect(matchesFilter(doc, { version: 3, active: false })).toBe(false);
    expect(matchesFilter(doc, { id: 'acc-1' })).toBe(true);
  });

  test('equality is strict: a string never equals a number, nor true equal 1', () => {
    expect(matchesFilter(doc, { version: '3' })).toBe(false);
    expect(matchesFilter({ flag: 1 }, { flag: true })).toBe(false);
  });

  test('null matches a null field and a missing one, and nothing else', () => {
    expect(matchesFilter(doc, { openid: null })).toBe(true);
    expect(matchesFilter(doc, { lockedUntil: null })).toBe(true);
    expect(matchesFilter(doc, { lockedUntil: { $eq: null } })).toBe(true);
    expect(matchesFilter(doc, { code: null })).toBe(false);
  });

  test('$ne matches other values, null and missing included; $ne null matches any present value', () => {
    expect(matchesCondition('x', { $ne: 'y' })).toBe(true);
    expect(matchesCondition('x', { $ne: 'x' })).toBe(false);
    expect(matchesCondition(null, { $ne: 'x' })).toBe(true);
    expect(matchesCondition(undefined, { $ne: 'x' })).toBe(true);
    expect(matchesCondition(0, { $ne: null })).toBe(true);
    expect(matchesCondition(null, { $ne: null })).toBe(false);
    expect(matchesCondition(undefined, { $ne: null })).toBe(false);
  });

  test('range operators compare numbers with numbers and strings with strings', () => {
    expect(matchesCondition(3, { $gt: 2 })).toBe(true);
    expect(matchesCondition(3, { $gt: 3 })).toBe(false);
    expect(matchesCondition(3, { $gte: 3 })).toBe(true);
    expect(matchesCondition(3, { $lt: 3 })).toBe(false);
    expect(matchesCondition(3, { $lte: 3 })).toBe(true);
    expect(matchesCondition('2018-11-20', { $gte: '2018-11-01', $lt: '2018-12-01' })).toBe(true);
    expect(matchesCondition('B', { $gt: 'a' })).toBe(false);
  });

  test('range operators never match null, missing, or a value of another type', () => {
    expect(matchesCondition(null, { $lt: 5 })).toBe(false);
    expect(matchesCondition(undefined, { $gte: 0 })).toBe(false);
    expect(matchesCondition('10', { $gt: 5 })).toBe(false);
    expect(matchesCondition(10, { $lt: 'z' })).toBe(false);
    expect(matchesCondition(true, { $gte: 0 })).toBe(false);
  });

  test('all operators of one condition must hold', () => {
    expect(matchesCondition(3, { $gte: 1, $lte: 5, $ne: 4 })).toBe(true);
    expect(matchesCondition(4, { $gte: 1, $lte: 5, $ne: 4 })).toBe(false);
  });

  test('$in matches any listed value; a listed null matches null and missing; an empty list matches nothing', () => {
    expect(matchesCondition('active', { $in: ['active', 'locked'] })).toBe(true);
    expect(matchesCondition('cancelled', { $in: ['active', 'locked'] })).toBe(false);
    expect(matchesCondition(undefined, { $in: [null, 'x'] })).toBe(true);
    expect(matchesCondition(null, { $in: ['x'] })).toBe(false);
    expect(matchesCondition('x', { $in: [] })).toBe(false);
  });

  test('$prefix matches strings starting with the prefix, literally and case-sensitively', () => {
    expect(matchesCondition('/root/a.b/c/', { $prefix: '/root/a.b/' })).toBe(true);
    expect(matchesCondition('/root/aXb/', { $prefix: '/root/a.b/' })).toBe(false);
    expect(matchesCondition('A-100', { $prefix: 'a-' })).toBe(false);
    expect(matchesCondition('anything', { $prefix: '' })).toBe(true);
    expect(matchesCondition(null, { $prefix: '' })).toBe(false);
    expect(matchesCondition(100, { $prefix: '1' })).toBe(false);
  });

  test('$contains matches a substring, literally and case-sensitively, in strings only', () => {
    expect(matchesFilter(doc, { name: { $contains: '(1)' } })).toBe(true);
    expect(matchesFilter(doc, { name: { $contains: 'beta' } })).toBe(false);
    expect(matchesCondition('a+b', { $contains: '+' })).toBe(true);
    expect(matchesCondition(123, { $contains: '2' })).toBe(false);
  });

  test('an unknown operator is an error, not a silent match', () => {
    expect(() => matchesCondition('x', { $regex: 'x' } as never)).toThrow('unknown operator $regex');
  });
});

describe('ordering values the way both stores do', () => {
  test('numbers order numerically and strings by code point; other pairs do not compare', () => {
    expect(compareScalars(2, 10)).toBeLessThan(0);
    expect(compareScalars('10', '2')).toBeLessThan(0);
    expect(compareScalars(1, 1)).toBe(0);
    expect(compareScalars('1', 1)).toBeNull();
    expect(compareScalars(null, null)).toBeNull();
  });

  test('characters beyond U+FFFF sort after U+E000–U+FFFF, as in UTF-8 byte order', () => {
    const emoji = '\u{1F600}';
    const privateUse = '\uE000';
    expect(emoji < privateUse).toBe(true); // JS compares UTF-16 code units…
    expect(compareCodePoints(emoji, privateUse)).toBeGreaterThan(0); // …the stores compare code points.
    expect(Buffer.compare(Buffer.from(emoji), Buffer.from(privateUse))).toBeGreaterThan(0);
  });

  test('a string sorts after its own prefix', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'ab')).toBeGreaterThan(0);
    expect(compareCodePoints('', '')).toBe(0);
  });
});

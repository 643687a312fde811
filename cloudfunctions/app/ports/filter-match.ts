import type { Condition, Filter, Scalar } from './store';

/**
 * The store port's filter semantics as a pure function, for places where a filter must be checked
 * against a document in code (a CloudBase transaction cannot query, so a conditional update
 * reads the document and checks `expect` here).
 *
 * - A missing field counts as null: a bare `null` or `$eq: null` matches null and missing;
 *   `$ne: null` matches any present value; `$ne: x` also matches null and missing.
 * - `$in` matches when any listed value would match as `$eq` (so a listed null matches null
 *   and missing); an empty list matches nothing.
 * - `$gt`/`$gte`/`$lt`/`$lte` compare numbers with numbers and strings with strings (by code
 *   point, the byte order both SQLite and CloudBase use); null, missing and other types never match.
 * - `$prefix`/`$contains` match strings only, case-sensitively and literally.
 * - Equality is strict: `true` does not equal `1`, `'1'` does not equal `1`.
 */
export function matchesFilter(doc: Record<string, unknown>, filter: Filter): boolean {
  for (const [field, expected] of Object.entries(filter)) {
    if (!matchesCondition(doc[field], expected)) return false;
  }
  return true;
}

/** Whether one field value satisfies a bare value (equality) or every operator of a condition. */
export function matchesCondition(value: unknown, expected: Scalar | Condition): boolean {
  const condition: Condition = isCondition(expected) ? expected : { $eq: expected };
  for (const [op, operand] of Object.entries(condition) as Array<[keyof Condition, unknown]>) {
    if (!matchesOperator(value, op, operand)) return false;
  }
  return true;
}

function matchesOperator(value: unknown, op: keyof Condition, operand: unknown): boolean {
  switch (op) {
    case '$eq':
      return scalarEquals(value, operand as Scalar);
    case '$ne':
      return !scalarEquals(value, operand as Scalar);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const order = compareScalars(value, operand);
      if (order === null) return false;
      if (op === '$gt') return order > 0;
      if (op === '$gte') return order >= 0;
      if (op === '$lt') return order < 0;
      return order <= 0;
    }
    case '$in':
      return (operand as Scalar[]).some((candidate) => scalarEquals(value, candidate));
    case '$prefix':
      return typeof value === 'string' && value.startsWith(operand as string);
    case '$contains':
      return typeof value === 'string' && value.includes(operand as string);
    default:
      throw new Error(`unknown operator ${String(op)}`);
  }
}

export function isCondition(value: Scalar | Condition): value is Condition {
  return value !== null && typeof value === 'object';
}

/** Equality with the store's null rule: undefined (a missing field) equals null. */
export function scalarEquals(value: unknown, expected: Scalar): boolean {
  if (expected === null) return value === null || value === undefined;
  return value === expected;
}

/**
 * Orders two values of the same kind (number/number or string/string); null when they cannot be
 * compared, which makes every range operator fail, as it does in both stores.
 */
export function compareScalars(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return null;
}

/**
 * Compares strings by Unicode code point (= UTF-8 byte order), unlike `<` on JS strings, which
 * compares UTF-16 code units and so puts characters above U+FFFF before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y) < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Moves surrogates (U+D800–U+DFFF) above U+E000–U+FFFF so code units sort like code points. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

import type { Condition, Filter, Patch, Scalar } from '../../app/ports/store';

/** SQL pieces for JSON documents. Field names come from code, never from users; still, only plain keys pass. */
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function quoteIdent(name: string): string {
  if (!FIELD.test(name)) throw new Error(`bad identifier: ${name}`);
  return `"${name}"`;
}

/** How a query names a document's field in SQL: its own column when indexed, else a path into the JSON. */
export type FieldExpr = (field: string) => string;

/** The column that holds an indexed field's value beside the document. */
export function fieldColumn(field: string): string {
  if (!FIELD.test(field)) throw new Error(`bad field: ${field}`);
  return `"f_${field}"`;
}

/** The JSON path of a top-level field, as an SQL literal. */
function jsonPath(field: string): string {
  if (!FIELD.test(field)) throw new Error(`bad field: ${field}`);
  return `'$.${field}'`;
}

export function jsonField(field: string): string {
  return `json_extract(doc, ${jsonPath(field)})`;
}

/** json_extract yields 1/0 for JSON booleans; columns hold and parameters compare the same way. */
export function toSqlValue(value: Scalar): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** A field's value as its column holds it (a missing field is NULL, as json_extract gives). */
export function columnValue(doc: Record<string, unknown>, field: string): unknown {
  const value = doc[field];
  return value === undefined ? null : toSqlValue(value as Scalar);
}

function isCondition(value: Scalar | Condition): value is Condition {
  return value !== null && typeof value === 'object';
}

export function compileFilter(filter: Filter, fieldExpr: FieldExpr): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [field, raw] of Object.entries(filter)) {
    const expr = field === 'id' ? 'id' : fieldExpr(field);
    const condition: Condition = isCondition(raw) ? raw : { $eq: raw };
    for (const [op, value] of Object.entries(condition) as Array<[keyof Condition, unknown]>) {
      switch (op) {
        case '$eq':
          if (value === null) parts.push(`${expr} IS NULL`);
          else (parts.push(`${expr} = ?`), params.push(toSqlValue(value as Scalar)));
          break;
        case '$ne':
          if (value === null) parts.push(`${expr} IS NOT NULL`);
          else (parts.push(`(${expr} IS NULL OR ${expr} != ?)`), params.push(toSqlValue(value as Scalar)));
          break;
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte': {
          const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
          parts.push(`${expr} ${sqlOp} ?`);
          params.push(value);
          break;
        }
        case '$in': {
          // SQL's IN never matches NULL; null among the values means "null or missing", as $eq does.
          const values = (value as Scalar[]).filter((v) => v !== null);
          const alternatives = values.length ? [`${expr} IN (${values.map(() => '?').join(', ')})`] : [];
          if (values.length < (value as Scalar[]).length) alternatives.push(`${expr} IS NULL`);
          parts.push(alternatives.length ? `(${alternatives.join(' OR ')})` : '0');
          params.push(...values.map(toSqlValue));
          break;
        }
        case '$prefix':
          // A range, not LIKE, so the index serves it.
          parts.push(`${expr} >= ? AND ${expr} < ?`);
          params.push(value, `${value as string}\uffff`);
          break;
        case '$contains':
          parts.push(`instr(${expr}, ?) > 0`);
          params.push(value);
          break;
        default:
          throw new Error(`unknown operator ${String(op)}`);
      }
    }
  }
  return { sql: parts.join(' AND '), params };
}

/** A number as SQLite should hold it: integers stay integers (a bound JS number would become a REAL). */
const sqlNumber = (n: number): number | bigint => (Number.isInteger(n) ? BigInt(n) : n);

/**
 * The patched document as one SQL expression over the stored `doc`, so an update is a single statement:
 * `set` replaces fields whole (values other than strings travel as JSON text, which keeps numbers exactly as
 * JavaScript wrote them), `inc` adds to a number (a missing field counts from zero), and a field set to
 * undefined goes away, as JSON.stringify would drop it.
 */
export function patchedDoc(patch: Patch): { sql: string; params: unknown[] } {
  const assignments: string[] = [];
  const params: unknown[] = [];
  const removed: string[] = [];
  for (const [field, value] of Object.entries(patch.set ?? {})) {
    const path = jsonPath(field);
    if (value === undefined) removed.push(path);
    else if (typeof value === 'string') (assignments.push(`${path}, ?`), params.push(value));
    else (assignments.push(`${path}, json(?)`), params.push(JSON.stringify(value)));
  }
  for (const [field, by] of Object.entries(patch.inc ?? {})) {
    assignments.push(`${jsonPath(field)}, coalesce(${jsonField(field)}, 0) + ?`);
    params.push(sqlNumber(by));
  }
  let sql = assignments.length ? `json_set(doc, ${assignments.join(', ')})` : 'doc';
  if (removed.length) sql = `json_remove(${sql}, ${removed.join(', ')})`;
  return { sql, params };
}

/** The new value of an indexed field's column under a patch, or null when the patch leaves it alone. */
export function patchedColumn(patch: Patch, field: string): { sql: string; params: unknown[] } | null {
  if (patch.set && field in patch.set) return { sql: '?', params: [columnValue(patch.set, field)] };
  if (patch.inc && field in patch.inc) return { sql: `coalesce(${jsonField(field)}, 0) + ?`, params: [sqlNumber(patch.inc[field])] };
  return null;
}

/**
 * The keyset condition "after this cursor" for ORDER BY keys (the last being id, never null),
 * expanded as (k1 > v1) OR (k1 IS v1 AND k2 > v2) OR … because row-value comparison is never true
 * where a value is NULL. SQLite sorts NULL first, so ascending "after null" is "not null", and
 * descending "after v" also takes the nulls while nothing comes after null.
 */
export function keysetAfter(keys: string[], values: Scalar[], direction: 'asc' | 'desc'): { sql: string; params: unknown[] } {
  const alternatives: string[] = [];
  const params: unknown[] = [];
  keys.forEach((key, i) => {
    const equal = keys.slice(0, i).map((k) => `${k} IS ?`);
    const equalParams = values.slice(0, i).map(toSqlValue);
    const value = values[i];
    let beyond: string;
    const beyondParams: unknown[] = [];
    if (direction === 'asc') {
      beyond = value === null ? `${key} IS NOT NULL` : `${key} > ?`;
      if (value !== null) beyondParams.push(toSqlValue(value));
    } else {
      if (value === null) return;
      beyond = `(${key} < ? OR ${key} IS NULL)`;
      beyondParams.push(toSqlValue(value));
    }
    alternatives.push(`(${[...equal, beyond].join(' AND ')})`);
    params.push(...equalParams, ...beyondParams);
  });
  return { sql: alternatives.length ? `(${alternatives.join(' OR ')})` : '0', params };
}

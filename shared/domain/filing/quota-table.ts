import { normalizeName } from './names';

/**
 * Reads a quota table (名额分配表) from a spreadsheet's cells, whatever its layout among those the notices
 * use: one block "单位名称 | 名额" or "省份 | 基数 | 应完成网络创建数", or several blocks side by side
 * (Yueyang's "行业 | 名额 | 县市区 | 名额"). The header row is the first one naming 名额 or 基数.
 */
export interface QuotaRow {
  /** 1-based row number in the sheet. */
  row: number;
  name: string;
  places: number | null;
  base: number | null;
  requiredFilings: number | null;
}

const NAME_HEADER = /单位|名称|省份|行业|县市区|地方|地区/;
const VALUE_HEADERS: Array<[RegExp, 'places' | 'base' | 'requiredFilings']> = [
  [/应完成|创建数/, 'requiredFilings'],
  [/基数/, 'base'],
  [/名额/, 'places'],
];

function valueKind(header: string): 'places' | 'base' | 'requiredFilings' | null {
  for (const [pattern, kind] of VALUE_HEADERS) if (pattern.test(header)) return kind;
  return null;
}

function toInt(cell: string): number | null {
  const text = cell.replace(/\s/g, '');
  return /^\d+$/.test(text) ? Number(text) : null;
}

export function readQuotaTable(cells: string[][]): QuotaRow[] {
  const headerIndex = cells.findIndex((row) => row.some((c) => /名额|基数/.test(c)));
  if (headerIndex < 0) return [];
  const header = cells[headerIndex].map((c) => c.replace(/\s/g, ''));
  const blocks: Array<{ name: number; values: Array<[number, 'places' | 'base' | 'requiredFilings']> }> = [];
  header.forEach((h, i) => {
    const kind = valueKind(h);
    if (kind) blocks[blocks.length - 1]?.values.push([i, kind]);
    else if (NAME_HEADER.test(h)) blocks.push({ name: i, values: [] });
  });
  const out: QuotaRow[] = [];
  for (let r = headerIndex + 1; r < cells.length; r++) {
    for (const block of blocks) {
      const name = (cells[r][block.name] ?? '').replace(/\s/g, '');
      if (!name) continue;
      const row: QuotaRow = { row: r + 1, name, places: null, base: null, requiredFilings: null };
      for (const [col, kind] of block.values) row[kind] = toInt(cells[r][col] ?? '');
      if (row.places === null && row.base === null && row.requiredFilings === null) continue;
      out.push(row);
    }
  }
  return out;
}

/** Splits CSV text (RFC 4180 quoting) into cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"', i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) (row.push(cell), rows.push(row));
  return rows;
}

/** Unit names match after normalization (全角/半角, spaces): "交 通" is 交通. */
export const sameUnitName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

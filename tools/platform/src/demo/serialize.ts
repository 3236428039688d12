import { extname } from 'node:path';
import { IMPORT_ROW_FIELDS, type ImportRow } from './import-row';

/** File formats the bulk importer reads. */
export type RowFormat = 'json' | 'jsonl' | 'csv';

/** The format named by a file's extension (.json, .jsonl, .csv). */
export function formatFromPath(path: string): RowFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.jsonl') return 'jsonl';
  if (extension === '.csv') return 'csv';
  throw new Error(`cannot tell the format of ${path}: use .json, .jsonl or .csv`);
}

function csvCell(value: ImportRow[keyof ImportRow]): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180) with the header `code,kind,name,…`; null is an empty cell, booleans are `true`/`false`. */
export function toCsv(rows: readonly ImportRow[]): string {
  const lines = [IMPORT_ROW_FIELDS.join(',')];
  for (const row of rows) lines.push(IMPORT_ROW_FIELDS.map((field) => csvCell(row[field])).join(','));
  return `${lines.join('\n')}\n`;
}

/** The rows as a file's content: a JSON array (one row a line), JSON Lines, or CSV. */
export function serializeRows(rows: readonly ImportRow[], format: RowFormat): string {
  switch (format) {
    case 'csv':
      return toCsv(rows);
    case 'jsonl':
      return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    case 'json':
      return rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
  }
}

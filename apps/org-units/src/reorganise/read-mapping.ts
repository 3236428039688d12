import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MAPPING_COLUMNS, type MappingRow } from '../domain/reorganisation';

/**
 * Reads a reform's mapping file: `.csv` with the header `newCode,newName,newKind,newParentCode,sourceCode,share,dependents,previousCode`
 * (dependents separated by `;`), or `.json` (an array of rows, or `{ "rows": [...] }`). A CSV with other columns is refused; `previousCode` may be left out.
 */
export async function readMappingFile(file: string): Promise<MappingRow[]> {
  const content = await readFile(file, 'utf8');
  switch (path.extname(file).toLowerCase()) {
    case '.csv': {
      const rows = parse(content, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
      const header = Object.keys(rows[0] ?? {});
      const unknown = header.filter((column) => !(MAPPING_COLUMNS as readonly string[]).includes(column));
      if (unknown.length > 0) throw new Error(`${file}: unknown column(s) ${unknown.join(', ')}; the columns are ${MAPPING_COLUMNS.join(',')}`);
      return rows;
    }
    case '.json': {
      const json = JSON.parse(content) as unknown;
      const rows = Array.isArray(json) ? json : (json as { rows?: unknown }).rows;
      if (!Array.isArray(rows)) throw new Error(`${file}: expected an array of rows or { "rows": [...] }`);
      return rows as MappingRow[];
    }
    default:
      throw new Error(`${file}: use a .csv or .json file`);
  }
}

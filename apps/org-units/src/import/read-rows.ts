import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ImportRow } from './import-row';

/** Reads the rows of a `.csv` (with a header line), `.json` (an array, or `{ "units": [...] }`) or `.jsonl` file. */
export async function readImportFile(file: string): Promise<ImportRow[]> {
  const content = await readFile(file, 'utf8');
  switch (path.extname(file).toLowerCase()) {
    case '.csv':
      return parse(content, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as ImportRow[];
    case '.json': {
      const json = JSON.parse(content) as unknown;
      const rows = Array.isArray(json) ? json : (json as { units?: unknown }).units;
      if (!Array.isArray(rows)) throw new Error(`${file}: expected an array of units or { "units": [...] }`);
      return rows as ImportRow[];
    }
    case '.jsonl':
    case '.ndjson':
      return content.split('\n').flatMap((line, index) => {
        if (line.trim().length === 0) return [];
        try {
          return [JSON.parse(line) as ImportRow];
        } catch {
          throw new Error(`${file}: line ${index + 1} is not a JSON object`);
        }
      });
    default:
      throw new Error(`${file}: use a .csv, .json or .jsonl file`);
  }
}

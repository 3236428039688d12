import { type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { badInput } from '@antt/service-kit';
import { type PledgeRowInput } from './pledge.types';

/** One CSV dialect for the CLI (streaming) and the mutation: UTF-8 with or without BOM, comma separated, header first. */
export const PLEDGE_CSV_OPTIONS: Options = {
  bom: true,
  relax_column_count: false,
  skip_empty_lines: true,
  trim: false,
  info: true,
  max_record_size: 4096,
};

/** Largest CSV text one mutation takes (1,000 rows of generous width). */
export const MAX_PLEDGE_CSV_CHARS = 1_000_000;

/** The header and rows of a CSV text, rows numbered by their line in the text. A malformed CSV is PLEDGE_CSV_INVALID. */
export function parsePledgeCsv(text: string): { columns: string[]; rows: PledgeRowInput[] } {
  if (text.length > MAX_PLEDGE_CSV_CHARS) throw badInput('PLEDGE_CSV_INVALID', `csv: at most ${MAX_PLEDGE_CSV_CHARS} characters`, { field: 'csv' });
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, PLEDGE_CSV_OPTIONS) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw badInput('PLEDGE_CSV_INVALID', `csv: not a readable CSV (${message})`, { field: 'csv' });
  }
  const [header, ...body] = records;
  if (!header) throw badInput('PLEDGE_CSV_INVALID', 'csv: empty (a header line is expected)', { field: 'csv' });
  const columns = header.record.map((column) => column.trim().toLowerCase());
  return { columns, rows: body.map(({ record, info }) => toRow(columns, record, info.lines)) };
}

/** A parsed record as a row keyed by column name. */
export function toRow(columns: readonly string[], record: readonly string[], line: number): PledgeRowInput {
  const values: Record<string, string> = {};
  columns.forEach((column, index) => {
    values[column] = record[index] ?? '';
  });
  return { row: line, values };
}

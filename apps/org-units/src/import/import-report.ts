import { type ImportResult } from './import-units';

/** Columns of the rejected-rows report, in order. */
export const REPORT_COLUMNS = ['row', 'code', 'column', 'reason', 'message'] as const;

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The report of an import as CSV: one line per refused row (row number, code, column, reason, message), then, when the
 * write failed, one line without row whose reason is `IMPORT_WRITE_FAILED` and whose message is the database's cause.
 */
export function importReportCsv(result: Pick<ImportResult, 'rejected' | 'failure'>): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const r of result.rejected) lines.push([r.row, r.code, r.column, r.reason, r.message].map(csvCell).join(','));
  if (result.failure) lines.push(['', '', '', result.failure.reason, result.failure.message].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

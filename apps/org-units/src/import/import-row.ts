import { UNIT_IMPORT_COLUMNS, type UnitImportColumn } from '@antt/contracts';

/** One row of a bulk import file (CSV header names or JSON keys); every field arrives as text or JSON scalars. */
export type ImportRow = Partial<Record<UnitImportColumn, unknown>>;

export const IMPORT_COLUMNS = UNIT_IMPORT_COLUMNS;

/** A row the importer refused, with its position in the file (1 = first data row) and the rule that failed. */
export interface RejectedRow {
  row: number;
  code: string | null;
  reason: string;
  message: string;
}

import { UNIT_IMPORT_COLUMNS, type UnitImportColumn } from '@antt/contracts';

/** One row of a bulk import file (CSV header names or JSON keys): CSV gives texts, JSON any value, checked per column. */
export type ImportRow = Partial<Record<UnitImportColumn, unknown>>;

export const IMPORT_COLUMNS = UNIT_IMPORT_COLUMNS;

/**
 * A row the importer refused: its position in the file (1 = first data row), its code as written (canonical when it
 * was a valid code), the column that failed (null when no single column did, as in a cycle through several rows), the
 * stable reason code of the rule and a message.
 */
export interface RejectedRow {
  row: number;
  code: string | null;
  column: UnitImportColumn | null;
  reason: string;
  message: string;
}

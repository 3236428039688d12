export { importUnits, type ImportFailure, type ImportOptions, type ImportResult } from './import-units';
export { readImportFile } from './read-rows';
export { IMPORT_COLUMNS, type ImportRow, type RejectedRow } from './import-row';
export { importReportCsv, REPORT_COLUMNS } from './import-report';

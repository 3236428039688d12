/**
 * Columns of the org-units bulk import file, in order: the CSV header, or the keys of each JSON / JSONL object. Every
 * tool that writes such a file and the importer that reads it use this one list.
 */
export const UNIT_IMPORT_COLUMNS = [
  'code',
  'kind',
  'name',
  'parentCode',
  'managingUnitCode',
  'effectiveFrom',
  'enterpriseSize',
  'schoolLevel',
  'armedForces',
  'residentHouseholds',
  'staffCount',
] as const;
export type UnitImportColumn = (typeof UNIT_IMPORT_COLUMNS)[number];

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
  'communeType',
] as const;
export type UnitImportColumn = (typeof UNIT_IMPORT_COLUMNS)[number];

/**
 * Columns of a reorganisation mapping file (a reform as published: each new unit and the old units it comes from,
 * whole or partial), in order: the CSV header, or the keys of each JSON object. `dependents` lists, for a PARTIAL
 * source, the codes of its units that go with the part (`;`-separated in CSV).
 */
export const REORGANISATION_MAPPING_COLUMNS = ['newCode', 'newName', 'newKind', 'newParentCode', 'sourceCode', 'share', 'dependents', 'previousCode'] as const;

/** One row of a reorganisation mapping file; every field optional in the file, checked by org-units. */
export type ReorganisationMappingRow = Partial<Record<(typeof REORGANISATION_MAPPING_COLUMNS)[number], unknown>>;

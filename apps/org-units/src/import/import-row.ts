/** One row of a bulk import file (CSV header names or JSON keys); every field arrives as text or JSON scalars. */
export interface ImportRow {
  code?: unknown;
  kind?: unknown;
  name?: unknown;
  parentCode?: unknown;
  managingUnitCode?: unknown;
  effectiveFrom?: unknown;
  enterpriseSize?: unknown;
  schoolLevel?: unknown;
  armedForces?: unknown;
  residentHouseholds?: unknown;
  staffCount?: unknown;
}

export const IMPORT_COLUMNS = [
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

/** A row the importer refused, with its position in the file (1 = first data row) and the rule that failed. */
export interface RejectedRow {
  row: number;
  code: string | null;
  reason: string;
  message: string;
}

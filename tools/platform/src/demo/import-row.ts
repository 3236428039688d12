import { type COMMUNE_TYPES, ENTERPRISE_SIZES, SCHOOL_LEVELS, UNIT_IMPORT_COLUMNS, UNIT_KINDS, type UnitKind } from '@antt/contracts';

/** The vocabularies are the event contracts' own, so that demo rows always fit what org-units publishes. */
export { ENTERPRISE_SIZES, SCHOOL_LEVELS, UNIT_KINDS, type UnitKind };
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export type CommuneType = (typeof COMMUNE_TYPES)[number];

/**
 * One unit as the org-units bulk importer reads it (a JSON object, a JSONL line or a CSV row).
 * Rows are ordered so that a unit's parent and managing unit come before it.
 */
export interface ImportRow {
  /** Stable, unique, ASCII; hierarchical by convention (`TB-VT-VUHOI-T01`). */
  code: string;
  kind: UnitKind;
  /** Vietnamese display name with diacritics. */
  name: string;
  /** Code of the unit it sits under; null only for a province. */
  parentCode: string | null;
  /** Code of the province, district or commune that manages it; set for agencies, enterprises and schools. */
  managingUnitCode: string | null;
  /** ISO date (YYYY-MM-DD) the unit exists from. */
  effectiveFrom: string;
  enterpriseSize: EnterpriseSize | null;
  schoolLevel: SchoolLevel | null;
  /** Police or military: excluded from the safe-standard recognition. Set for agencies and departments. */
  armedForces: boolean | null;
  /** Set for residential areas. */
  residentHouseholds: number | null;
  /** Staff of agencies, departments, enterprises and schools; members of security teams. */
  staffCount: number | null;
  /** xã, phường, thị trấn: set for communes. */
  communeType: CommuneType | null;
}

/** Column order of the CSV header and of every serialized row: the importer's own list. */
export const IMPORT_ROW_FIELDS = UNIT_IMPORT_COLUMNS satisfies readonly (keyof ImportRow)[];

/** Every demo unit exists from this date, before any campaign year the demo covers. */
export const DEMO_EFFECTIVE_FROM = '2020-01-01';

/** The required fields of a row; every attribute not given is null. */
export type RowInput = Pick<ImportRow, 'code' | 'kind' | 'name' | 'parentCode'> & Partial<ImportRow>;

/** Builds a complete row: attributes not given are null, `effectiveFrom` defaults to {@link DEMO_EFFECTIVE_FROM}. */
export function importRow(input: RowInput): ImportRow {
  return {
    code: input.code,
    kind: input.kind,
    name: input.name,
    parentCode: input.parentCode,
    managingUnitCode: input.managingUnitCode ?? null,
    effectiveFrom: input.effectiveFrom ?? DEMO_EFFECTIVE_FROM,
    enterpriseSize: input.enterpriseSize ?? null,
    schoolLevel: input.schoolLevel ?? null,
    armedForces: input.armedForces ?? null,
    residentHouseholds: input.residentHouseholds ?? null,
    staffCount: input.staffCount ?? null,
    communeType: input.communeType ?? null,
  };
}

import { type CommuneType, type EnterpriseSize, type SchoolLevel, type UnitAttributes, type UnitKind, type UnitView } from './unit.types';

/** The attribute columns of a unit version row (enums as their text). */
export interface AttributeColumns {
  enterpriseSize: string | null;
  schoolLevel: string | null;
  armedForces: boolean | null;
  residentHouseholds: number | null;
  staffCount: number | null;
  communeType: string | null;
}

/** A version row's attributes, as the domain holds them. */
export function attributesFromRow(row: AttributeColumns): UnitAttributes {
  return {
    enterpriseSize: row.enterpriseSize as EnterpriseSize | null,
    schoolLevel: row.schoolLevel as SchoolLevel | null,
    armedForces: row.armedForces,
    residentHouseholds: row.residentHouseholds,
    staffCount: row.staffCount,
    communeType: row.communeType as CommuneType | null,
  };
}

/** Columns of a unit seen on a date, as selected by {@link VIEW_COLUMNS}. */
export interface ViewRow extends AttributeColumns {
  id: string;
  code: string;
  kind: string;
  createdOn: string;
  dissolvedOn: string | null;
  revision: number;
  validFrom: string;
  validTo: string | null;
  name: string;
  parentId: string | null;
  managingUnitId: string | null;
}

export function viewFromRow(row: ViewRow, asOf: string): UnitView {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as UnitKind,
    createdOn: row.createdOn,
    dissolvedOn: row.dissolvedOn,
    revision: row.revision,
    asOf,
    version: {
      code: row.code,
      validFrom: row.validFrom,
      validTo: row.validTo,
      name: row.name,
      parentId: row.parentId,
      managingUnitId: row.managingUnitId,
      attributes: attributesFromRow(row),
    },
  };
}


import { type ImportRow, type UnitKind } from './import-row';

/** Kinds a unit of each kind may sit under; an empty list means it is a root. */
export const ALLOWED_PARENT_KINDS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  PROVINCE: [],
  DISTRICT: ['PROVINCE'],
  COMMUNE: ['DISTRICT'],
  RESIDENTIAL_AREA: ['COMMUNE'],
  DEPARTMENT: ['PROVINCE', 'DISTRICT'],
  SECURITY_TEAM: ['COMMUNE', 'RESIDENTIAL_AREA'],
  AGENCY: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
  ENTERPRISE: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
  SCHOOL: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
};

/** Kinds that can manage an agency, an enterprise or a school. */
export const MANAGING_KINDS: readonly UnitKind[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

const MANAGED_KINDS: readonly UnitKind[] = ['AGENCY', 'ENTERPRISE', 'SCHOOL'];

function attributeProblems(row: ImportRow): string[] {
  const problems: string[] = [];
  const expect = (present: boolean, field: keyof ImportRow): void => {
    if (present && row[field] === null) problems.push(`${row.code}: ${row.kind} needs ${field}`);
    if (!present && row[field] !== null) problems.push(`${row.code}: ${row.kind} must not have ${field}`);
  };
  expect(row.kind === 'ENTERPRISE', 'enterpriseSize');
  expect(row.kind === 'SCHOOL', 'schoolLevel');
  expect(row.kind === 'AGENCY' || row.kind === 'DEPARTMENT', 'armedForces');
  expect(row.kind === 'RESIDENTIAL_AREA', 'residentHouseholds');
  expect(MANAGED_KINDS.includes(row.kind), 'managingUnitCode');
  return problems;
}

/**
 * Everything wrong with a tree meant for the bulk importer, one sentence per problem (empty when it is sound):
 * unique codes, parents and managing units that exist and come earlier, allowed parent and managing kinds,
 * and the attributes each kind carries.
 */
export function findTreeProblems(rows: readonly ImportRow[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, ImportRow>();
  for (const row of rows) {
    if (seen.has(row.code)) problems.push(`${row.code}: duplicate code`);
    if (!/^[A-Z0-9-]+$/.test(row.code)) problems.push(`${row.code}: code is not upper-case ASCII`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.effectiveFrom)) problems.push(`${row.code}: effectiveFrom is not a date`);
    const allowed = ALLOWED_PARENT_KINDS[row.kind];
    if (row.parentCode === null) {
      if (allowed.length > 0) problems.push(`${row.code}: ${row.kind} needs a parent`);
    } else {
      const parent = seen.get(row.parentCode);
      if (!parent) problems.push(`${row.code}: parent ${row.parentCode} is missing or comes later`);
      else if (!allowed.includes(parent.kind)) problems.push(`${row.code}: ${row.kind} cannot sit under ${parent.kind}`);
    }
    if (row.managingUnitCode !== null) {
      const manager = seen.get(row.managingUnitCode);
      if (!manager) problems.push(`${row.code}: managing unit ${row.managingUnitCode} is missing or comes later`);
      else if (!MANAGING_KINDS.includes(manager.kind)) problems.push(`${row.code}: ${manager.kind} cannot manage units`);
    }
    problems.push(...attributeProblems(row));
    seen.set(row.code, row);
  }
  return problems;
}

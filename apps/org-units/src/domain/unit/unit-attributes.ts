import { COMMUNE_TYPES, ENTERPRISE_SIZES, SCHOOL_LEVELS } from '@antt/contracts';
import { TWO_LEVEL_GOVERNMENT_FROM } from './parent-rules';
import { unitErrors } from './unit.errors';
import { EMPTY_ATTRIBUTES, type UnitAttributes, type UnitKind } from './unit.types';

/**
 * Attributes that only make sense for some kinds; the rest (counts) apply to any unit. A provincial department is an
 * agency of the province, so it can be an armed-forces one too (the provincial police, the military command).
 */
const KINDS_OF_ATTRIBUTE: Partial<Record<keyof UnitAttributes, readonly UnitKind[]>> = {
  enterpriseSize: ['ENTERPRISE'],
  schoolLevel: ['SCHOOL'],
  armedForces: ['AGENCY', 'DEPARTMENT'],
  communeType: ['COMMUNE'],
};

/** When each commune subtype may be given: thị trấn ended with the district level, đặc khu began with it. */
const COMMUNE_TYPE_PERIODS: Partial<Record<NonNullable<UnitAttributes['communeType']>, { from?: string; until?: string }>> = {
  THI_TRAN: { until: TWO_LEVEL_GOVERNMENT_FROM },
  DAC_KHU: { from: TWO_LEVEL_GOVERNMENT_FROM },
};

/** Refuses a commune subtype given on a date it does not exist (a thị trấn from 2025-07-01, a đặc khu before). */
export function assertAttributesInForce(attributes: UnitAttributes, date: string): void {
  const period = attributes.communeType ? COMMUNE_TYPE_PERIODS[attributes.communeType] : undefined;
  if (period && ((period.from !== undefined && date < period.from) || (period.until !== undefined && date >= period.until))) {
    throw unitErrors.invalidInput(
      `A commune cannot be a ${attributes.communeType} on ${date} (${period.from ? `from ${period.from}` : `until ${period.until}`})`,
      { field: 'communeType', date, from: period.from ?? null, until: period.until ?? null },
    );
  }
}

/** Merges a patch over `base` and checks each value against the unit's kind. Undefined keys keep their value. */
export function patchAttributes(kind: UnitKind, base: UnitAttributes, patch: Partial<UnitAttributes> = {}): UnitAttributes {
  const next: UnitAttributes = { ...base };
  for (const [key, value] of Object.entries(patch) as [keyof UnitAttributes, unknown][]) {
    if (value === undefined || !(key in EMPTY_ATTRIBUTES)) continue;
    const onlyFor = KINDS_OF_ATTRIBUTE[key];
    if (value !== null && onlyFor && !onlyFor.includes(kind)) {
      throw unitErrors.invalidInput(`${key} applies to ${onlyFor.join(' and ')} units only`, { field: key, kind });
    }
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  assertAttributeValues(next);
  return next;
}

function assertAttributeValues(attributes: UnitAttributes): void {
  if (attributes.enterpriseSize !== null && !ENTERPRISE_SIZES.includes(attributes.enterpriseSize)) {
    throw unitErrors.invalidInput('Unknown enterprise size', { field: 'enterpriseSize' });
  }
  if (attributes.communeType !== null && !COMMUNE_TYPES.includes(attributes.communeType)) {
    throw unitErrors.invalidInput('Unknown commune type', { field: 'communeType' });
  }
  if (attributes.schoolLevel !== null && !SCHOOL_LEVELS.includes(attributes.schoolLevel)) {
    throw unitErrors.invalidInput('Unknown school level', { field: 'schoolLevel' });
  }
  for (const field of ['residentHouseholds', 'staffCount'] as const) {
    const value = attributes[field];
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw unitErrors.invalidInput(`${field} must be a whole number, 0 or more`, { field, value });
    }
  }
}

/** Names of the attributes that differ. */
export function changedAttributes(a: UnitAttributes, b: UnitAttributes): (keyof UnitAttributes)[] {
  return (Object.keys(EMPTY_ATTRIBUTES) as (keyof UnitAttributes)[]).filter((key) => a[key] !== b[key]);
}

import { ENTERPRISE_SIZES, SCHOOL_LEVELS } from '@antt/contracts';
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
};

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

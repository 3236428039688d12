import { safeStandardScope } from './safe-standard-scope';
import { EMPTY_ATTRIBUTES } from './unit.types';

describe('R1 safe-standard scope', () => {
  it.each([
    ['RESIDENTIAL_AREA', {}, true, null],
    ['COMMUNE', {}, true, null],
    ['AGENCY', { armedForces: true }, false, 'ARMED_FORCES_AGENCY'],
    ['AGENCY', { armedForces: false }, true, null],
    ['DEPARTMENT', { armedForces: true }, false, 'ARMED_FORCES_AGENCY'],
    ['DEPARTMENT', {}, true, null],
    ['ENTERPRISE', { enterpriseSize: 'MICRO' }, false, 'SMALL_OR_MICRO_ENTERPRISE'],
    ['ENTERPRISE', { enterpriseSize: 'MEDIUM' }, true, null],
    ['SCHOOL', { schoolLevel: 'PRESCHOOL' }, false, 'EARLY_OR_PRIMARY_SCHOOL'],
    ['SCHOOL', { schoolLevel: 'LOWER_SECONDARY' }, true, null],
    ['DISTRICT', {}, false, 'KIND_NOT_IN_SCOPE'],
    ['SECURITY_TEAM', {}, false, 'KIND_NOT_IN_SCOPE'],
  ] as const)('%s %j → applies %s (%s)', (kind, attributes, applies, reason) => {
    expect(safeStandardScope(kind, { ...EMPTY_ATTRIBUTES, ...attributes })).toEqual({ applies, reason });
  });
});

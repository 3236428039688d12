import { DomainError } from '@antt/service-kit';
import { type DirectoryEntry } from '@antt/unit-directory';
import { assertMayRegister, isLate, registrationState } from './registration.rules';
import { type RegistrationView } from './registration.types';

const unit = (kind: string, attributes: DirectoryEntry['attributes'] = {}): DirectoryEntry => ({
  unitId: '00000000-0000-4000-8000-000000000001',
  code: 'X',
  kind,
  name: 'X',
  parentId: null,
  managingUnitId: null,
  attributes,
  depth: 0,
});

const refusal = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? { reason: error.reason, ...error.details } : error;
  }
};

describe('registration rules', () => {
  it('refuses the safe standard outside Circular 124 with the exclusion, but not classification alone (R1)', () => {
    const small = unit('ENTERPRISE', { enterpriseSize: 'SMALL' });
    expect(refusal(() => assertMayRegister(small, { forSafeStandard: true, forClassification: true }, 'unitId'))).toMatchObject({
      reason: 'REGISTRATION_OUTSIDE_SAFE_STANDARD_SCOPE',
      exclusion: 'SMALL_OR_MICRO_ENTERPRISE',
      field: 'unitId',
    });
    expect(refusal(() => assertMayRegister(small, { forSafeStandard: false, forClassification: true }, 'unitId'))).toBeNull();
    expect(refusal(() => assertMayRegister(unit('AGENCY', { armedForces: true }), { forSafeStandard: true, forClassification: false }, 'u'))).toMatchObject({ exclusion: 'ARMED_FORCES_AGENCY' });
    expect(refusal(() => assertMayRegister(unit('SCHOOL', { schoolLevel: 'UPPER_SECONDARY' }), { forSafeStandard: true, forClassification: true }, 'u'))).toBeNull();
  });

  it('refuses kinds that do not register and registrations for nothing', () => {
    expect(refusal(() => assertMayRegister(unit('DISTRICT'), { forSafeStandard: false, forClassification: true }, 'u'))).toMatchObject({ reason: 'REGISTRATION_KIND_NOT_ALLOWED' });
    expect(refusal(() => assertMayRegister(unit('COMMUNE'), { forSafeStandard: false, forClassification: false }, 'u'))).toMatchObject({ reason: 'REGISTRATION_NOTHING_REGISTERED' });
  });

  it('is late after the deadline day only, and tells where a unit stands', () => {
    expect(isLate('2024-01-15', '2024-01-15')).toBe(false);
    expect(isLate('2024-01-16', '2024-01-15')).toBe(true);
    expect(isLate('2024-06-01', undefined)).toBe(false);
    const submitted = { status: 'SUBMITTED', late: false } as RegistrationView;
    expect(registrationState(submitted, '2024-01-15', '2024-02-01')).toBe('REGISTERED');
    expect(registrationState({ ...submitted, late: true }, '2024-01-15', '2024-02-01')).toBe('LATE');
    expect(registrationState({ ...submitted, status: 'WITHDRAWN' }, '2024-01-15', '2024-02-01')).toBe('WITHDRAWN');
    expect(registrationState(null, '2024-01-15', '2024-01-15')).toBe('MISSING');
    expect(registrationState(null, '2024-01-15', '2024-01-16')).toBe('OVERDUE');
  });
});

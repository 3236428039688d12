import { type UnitKind } from '@antt/contracts';
import { type DirectoryEntry, safeStandardScope } from '@antt/unit-directory';
import { registrationErrors } from './registration.errors';
import { type RegistrationState, type RegistrationView } from './registration.types';

/** The kinds of unit that register to strive; provinces and districts run campaigns, security teams are rated elsewhere. */
export const REGISTERING_KINDS: readonly UnitKind[] = ['COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'DEPARTMENT'];

/** The deadline code registrations are judged against (R16, R29: 15/01). */
export const REGISTRATION_DEADLINE = 'REGISTRATION';

/** Refuses what a unit may not register for: a kind that does not register, the safe standard outside R1, nothing at all. */
export function assertMayRegister(unit: DirectoryEntry, item: { forSafeStandard: boolean; forClassification: boolean }, field: string): void {
  if (!REGISTERING_KINDS.includes(unit.kind as UnitKind)) throw registrationErrors.kindNotAllowed(unit.unitId, field, unit.kind);
  if (!item.forSafeStandard && !item.forClassification) throw registrationErrors.nothingRegistered(field);
  if (item.forSafeStandard) {
    const scope = safeStandardScope(unit.kind, unit.attributes);
    if (!scope.applies) throw registrationErrors.outsideSafeStandardScope(unit.unitId, field, scope.reason ?? 'KIND_NOT_IN_SCOPE');
  }
}

/** Late when registered after the deadline that binds the unit's kind. */
export function isLate(registeredOn: string, deadline: string | undefined): boolean {
  return deadline !== undefined && registeredOn > deadline;
}

/** Where a unit stands on `asOf`. */
export function registrationState(registration: RegistrationView | null, deadline: string | undefined, asOf: string): RegistrationState {
  if (registration?.status === 'SUBMITTED') return registration.late ? 'LATE' : 'REGISTERED';
  if (registration?.status === 'WITHDRAWN') return 'WITHDRAWN';
  return deadline !== undefined && asOf > deadline ? 'OVERDUE' : 'MISSING';
}

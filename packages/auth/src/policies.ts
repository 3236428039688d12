import { forbidden, unauthenticated } from './domain-error';
import { type Caller, type Identity, type Role } from './identity';

/** Answers whether a unit lies inside another unit's subtree on a date (the unit directory implements it). */
export interface JurisdictionChecker {
  /** True when `unitId` is `ancestorUnitId` or one of its descendants as of `asOf` (a Date or `YYYY-MM-DD`). */
  isWithin(unitId: string, ancestorUnitId: string, asOf: Date | string): Promise<boolean>;
}

/** The role that acts everywhere, regardless of jurisdiction. */
export const SYSTEM_ADMIN: Role = 'SYSTEM_ADMIN';

/** Returns the caller, or throws UNAUTHENTICATED (reason AUTHENTICATION_REQUIRED) for an anonymous request. */
export function requireCaller(caller: Caller): Identity {
  if (!caller) {
    throw unauthenticated('AUTHENTICATION_REQUIRED', 'You must sign in to do this.');
  }
  return caller;
}

/** True when the caller holds at least one of the roles. */
export function hasRole(caller: Caller, roles: readonly Role[]): boolean {
  return caller !== null && caller.roles.some((role) => roles.includes(role));
}

/**
 * Returns the caller when it holds at least one of `roles`; throws UNAUTHENTICATED for an anonymous caller and
 * FORBIDDEN (reason ROLE_REQUIRED, details `{ requiredRoles }`) otherwise.
 */
export function requireRole(caller: Caller, roles: readonly Role[]): Identity {
  const identity = requireCaller(caller);
  if (!hasRole(identity, roles)) {
    throw forbidden('ROLE_REQUIRED', `This needs one of the roles: ${roles.join(', ')}.`, {
      requiredRoles: [...roles],
    });
  }
  return identity;
}

/**
 * Returns the caller when `unitId` lies inside the caller's jurisdiction as of `asOf`; SYSTEM_ADMIN passes everywhere.
 * Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN (reason OUTSIDE_JURISDICTION) otherwise.
 */
export async function requireJurisdiction(
  checker: JurisdictionChecker,
  caller: Caller,
  unitId: string,
  asOf: Date | string,
): Promise<Identity> {
  const identity = requireCaller(caller);
  if (identity.roles.includes(SYSTEM_ADMIN) || identity.jurisdictionUnitId === unitId) {
    return identity;
  }
  if (!(await checker.isWithin(unitId, identity.jurisdictionUnitId, asOf))) {
    throw forbidden('OUTSIDE_JURISDICTION', 'This unit is outside your jurisdiction.', {
      unitId,
      jurisdictionUnitId: identity.jurisdictionUnitId,
    });
  }
  return identity;
}

import { type Caller, type Identity, type JurisdictionChecker, type Role, SYSTEM_ADMIN, requireCaller, requireJurisdiction, requireRole } from '@antt/auth';
import { type SubtreeScope } from './unit-query.types';

/** Roles that may change the tree (ORG_ADMIN inside its jurisdiction, SYSTEM_ADMIN everywhere). */
export const UNIT_WRITE_ROLES: readonly Role[] = ['ORG_ADMIN', 'SYSTEM_ADMIN'];

/**
 * Who may read and change units. Reading needs a signed-in caller and the unit inside the caller's jurisdiction
 * subtree on the date asked about; lists and searches are restricted to that subtree. Writing needs a write role and,
 * below SYSTEM_ADMIN, every unit touched (the new parent included) inside the jurisdiction on the effective date.
 */
export class UnitPolicy {
  constructor(private readonly jurisdiction: JurisdictionChecker) {}

  /** The subtree a caller may list; null when the caller sees everything. */
  readScope(caller: Caller): SubtreeScope | null {
    const identity = requireCaller(caller);
    return isSystemAdmin(identity) ? null : { rootId: identity.jurisdictionUnitId, includeRoot: true };
  }

  async assertCanRead(caller: Caller, unitId: string, asOf: string): Promise<void> {
    await requireJurisdiction(this.jurisdiction, caller, unitId, asOf);
  }

  /** Like {@link assertCanRead} but answers instead of throwing (for fields that point outside the jurisdiction). */
  async canRead(caller: Caller, unitId: string, asOf: string): Promise<boolean> {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity) || identity.jurisdictionUnitId === unitId) return true;
    return this.jurisdiction.isWithin(unitId, identity.jurisdictionUnitId, asOf);
  }

  async assertCanWrite(caller: Caller, unitIds: readonly (string | null | undefined)[], asOf: string): Promise<Identity> {
    const identity = requireRole(caller, UNIT_WRITE_ROLES);
    for (const unitId of new Set(unitIds)) {
      if (unitId) await requireJurisdiction(this.jurisdiction, identity, unitId, asOf);
    }
    return identity;
  }

  /** Creating a root (a province) is for SYSTEM_ADMIN only: nobody else has a jurisdiction above it. */
  assertCanCreateRoot(caller: Caller): Identity {
    return requireRole(caller, [SYSTEM_ADMIN]);
  }
}

function isSystemAdmin(identity: Identity): boolean {
  return identity.roles.includes(SYSTEM_ADMIN);
}

import { type Caller, type Identity, type Role, SYSTEM_ADMIN, personalDataWithheld, readDecision, requireCaller, requireRole } from '@antt/auth';
import { type UnitDirectory } from '@antt/unit-directory';
import { type PersonalDataAccess } from './pledge.types';

/** Roles that collect pledges: a unit officer for its own unit's people, a level for the units of its subtree. */
export const PLEDGE_WRITER_ROLES: readonly Role[] = ['UNIT_OFFICER', 'LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];


/** Roles that may erase a person's data: the levels that manage the unit (a unit officer asks its level). */
const ERASER_ROLES: readonly Role[] = ['LEVEL_OFFICER', 'STEERING_OFFICER'];

/**
 * Who collects pledges and who sees the people behind them (personal data protection, Decree 13/2023).
 *
 * Writing: a UNIT_OFFICER signs and imports its own unit's people only; LEVEL_OFFICER and STEERING_OFFICER any unit inside
 * their jurisdiction; a unit outside is answered as unknown. Reading a pledge: only inside the jurisdiction (else absent).
 * Personal fields: in clear to a personal-data role whose jurisdiction holds the pledge's unit (its own unit and the levels
 * above); masked to any other role reading inside the jurisdiction (SYSTEM_ADMIN and ORG_ADMIN included: they run the system,
 * they do not need the people); never to EXTERNAL_READER (null), whatever else the caller holds, nor to CITIZEN.
 */
export class PledgePolicy {
  writer(caller: Caller): Identity {
    return requireRole(caller, PLEDGE_WRITER_ROLES);
  }

  eraser(caller: Caller): Identity {
    return requireRole(caller, [...ERASER_ROLES, SYSTEM_ADMIN]);
  }

  isSystemAdmin(identity: Identity): boolean {
    return identity.roles.includes(SYSTEM_ADMIN);
  }

  /** A unit officer (no level role) writes for its own unit only. */
  ownUnitOnly(identity: Identity): boolean {
    return !this.isSystemAdmin(identity) && !identity.roles.some((role) => role === 'LEVEL_OFFICER' || role === 'STEERING_OFFICER');
  }

  /** The subtree a caller writes in; null for SYSTEM_ADMIN (every unit). */
  writeRoot(identity: Identity): string | null {
    return this.isSystemAdmin(identity) ? null : identity.jurisdictionUnitId;
  }

  /** Whether the caller sees the unit at all on `date` (inside its jurisdiction; SYSTEM_ADMIN: every unit that existed). */
  async canSeeUnit(directory: UnitDirectory, caller: Caller, unitId: string, date: string): Promise<boolean> {
    const identity = requireCaller(caller);
    if (this.isSystemAdmin(identity)) return (await directory.unitAt(unitId, date)) !== null;
    return directory.isWithin(unitId, identity.jurisdictionUnitId, date);
  }

  /** How much of the personal data of a unit's pledges the caller sees, given that it may see the unit. */
  personalDataAccess(caller: Caller): PersonalDataAccess {
    const identity = requireCaller(caller);
    // The read policy of @antt/auth (READ_POLICY): EXTERNAL_READER, whatever else it holds, and CITIZEN see none.
    if (personalDataWithheld(identity.roles)) return 'NONE';
    // A person's name, phone and citizen ID in clear: the officers of the pledge's line (PLEDGE_PERSONAL_DATA: ALLOW).
    return readDecision(identity.roles, 'PLEDGE_PERSONAL_DATA') === 'ALLOW' ? 'FULL' : 'MASKED';
  }
}

import { type Caller, type Identity, type Role, SYSTEM_ADMIN, forbidden, requireCaller, requireRole } from '@antt/auth';
import { type DomainError } from '@antt/service-kit';
import { type DirectoryEntry, type UnitDirectory } from '@antt/unit-directory';
import { scopeContains, scopePartsOn } from './campaign-scope';

/** Roles that run campaigns: the steering committee's standing body (the police of the level) and level staff. */
export const CAMPAIGN_MANAGER_ROLES: readonly Role[] = ['STEERING_OFFICER', 'LEVEL_OFFICER', SYSTEM_ADMIN];

/** Roles that register units: a unit officer for its own unit, a level for the units of its subtree. */
export const REGISTRAR_ROLES: readonly Role[] = ['UNIT_OFFICER', ...CAMPAIGN_MANAGER_ROLES];

/** What a read or a change of a campaign is checked against. */
export interface CampaignReach {
  ownerUnitId: string;
  scopeUnitId: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * Who may see and run campaigns, on the unit directory as of the campaign's dates.
 *
 * Reading: a part of the campaign's scope (as followed by {@link scopePartsOn}: after a split, each successor) lies inside the
 * caller's jurisdiction (the levels above see it) or the caller's unit lies inside the followed scope (the units taking part see it), on the campaign's first day or on the day
 * read. Otherwise the campaign is answered exactly as one that does not exist. Reads inherit the past of the units merged
 * WHOLE into the caller's unit (org-units' rule, `UnitDirectory.isWithinForRead`): Hưng Yên's staff read the 2024 Thái Bình
 * campaigns and their registrations. Writes never inherit.
 *
 * Managing (create, launch, close, calendar, targets): a manager role and the owner unit inside the jurisdiction on EVERY date
 * of the campaign's period the tree changes on, not only the first: a district officer cannot run a campaign reaching past its
 * district's abolition. The provincial police therefore manage the provincial campaign and every child campaign; a district its
 * own. Registering: a unit officer its own unit, a level any unit of its subtree, on the registration's date.
 */
export class CampaignPolicy {
  manager(caller: Caller): Identity {
    return requireRole(caller, CAMPAIGN_MANAGER_ROLES);
  }

  registrar(caller: Caller): Identity {
    return requireRole(caller, REGISTRAR_ROLES);
  }

  /**
   * Whether the caller sees the campaign. `purpose: 'write'` (a command locating the campaign it changes) never inherits an
   * absorbed unit's past: a command on a campaign the caller only reads through a merge is answered as absent, as before.
   */
  async canRead(directory: UnitDirectory, caller: Caller, campaign: CampaignReach, viewDate: string, purpose: 'read' | 'write' = 'read'): Promise<boolean> {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity)) return true;
    const unit = identity.jurisdictionUnitId;
    for (const date of new Set([campaign.periodStart, viewDate])) {
      const parts = await scopePartsOn(directory, campaign, date);
      for (const { unitId: scope } of parts) {
        const above = purpose === 'read' ? await directory.isWithinForRead(scope, unit, date) : await directory.isWithin(scope, unit, date);
        if (above) return true;
      }
      if (await scopeContains(directory, parts, unit, date)) return true;
    }
    return false;
  }

  /**
   * Whether the caller may read a unit (its registration, its consolidation) on a date: inside its jurisdiction, or inside a
   * unit that went WHOLE into its unit after that date (reads only).
   */
  async canReadUnit(directory: UnitDirectory, caller: Caller, unitId: string, date: string): Promise<boolean> {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity)) return (await directory.unitAt(unitId, date)) !== null;
    return directory.isWithinForRead(unitId, identity.jurisdictionUnitId, date);
  }

  /**
   * Checks that the caller manages `reach`'s owner unit on every date of its period. Outside on the first day: `absent()` (the
   * caller learns nothing); outside from a later date: FORBIDDEN OUTSIDE_JURISDICTION naming the date.
   */
  async assertCanManage(directory: UnitDirectory, identity: Identity, reach: CampaignReach, absent: () => DomainError): Promise<void> {
    if (isSystemAdmin(identity)) return;
    const gap = await directory.firstDateOutside(reach.ownerUnitId, identity.jurisdictionUnitId, reach.periodStart, reach.periodEnd);
    if (gap === null) return;
    if (gap === reach.periodStart) throw absent();
    throw forbidden('OUTSIDE_JURISDICTION', 'The campaign reaches a date on which its unit lies outside your jurisdiction.', {
      unitId: reach.ownerUnitId,
      date: gap,
    });
  }

  /**
   * Checks that the caller may register `unitId` on `date`: a unit officer only its own unit, a level any unit inside its
   * jurisdiction. A unit outside is answered as `absent()`.
   */
  async assertCanRegister(directory: UnitDirectory, identity: Identity, unitId: string, date: string, absent: () => DomainError): Promise<void> {
    if (isSystemAdmin(identity)) return;
    if (!(await directory.isWithin(unitId, identity.jurisdictionUnitId, date))) throw absent();
    const levelRole = identity.roles.some((role) => role !== 'UNIT_OFFICER' && REGISTRAR_ROLES.includes(role));
    if (!levelRole && unitId !== identity.jurisdictionUnitId) {
      throw forbidden('OWN_UNIT_ONLY', 'A unit officer registers only its own unit.', { unitId });
    }
  }

  /**
   * The units the caller may register on `date`, fetched once for a bulk command: its jurisdiction unit and everything
   * below it (null: SYSTEM_ADMIN, every unit).
   */
  async registrableUnits(directory: UnitDirectory, identity: Identity, date: string): Promise<Map<string, DirectoryEntry> | null> {
    if (isSystemAdmin(identity)) return null;
    return subtreeOn(directory, identity.jurisdictionUnitId, date);
  }

  /** Checks one unit against {@link registrableUnits}: outside is `absent()`; a unit officer registers its own unit only. */
  assertRegistrable(identity: Identity, registrable: Map<string, DirectoryEntry> | null, unitId: string, absent: () => DomainError): void {
    if (registrable === null) return;
    if (!registrable.has(unitId)) throw absent();
    const levelRole = identity.roles.some((role) => role !== 'UNIT_OFFICER' && REGISTRAR_ROLES.includes(role));
    if (!levelRole && unitId !== identity.jurisdictionUnitId) {
      throw forbidden('OWN_UNIT_ONLY', 'A unit officer registers only its own unit.', { unitId });
    }
  }

  /** The subtree root a caller's lists are cut to; null for SYSTEM_ADMIN. */
  listRoot(caller: Caller): string | null {
    const identity = requireCaller(caller);
    return isSystemAdmin(identity) ? null : identity.jurisdictionUnitId;
  }
}

/** A unit and everything below it on `date`, by id (empty when the unit did not exist then). */
export async function subtreeOn(directory: UnitDirectory, rootUnitId: string, date: string): Promise<Map<string, DirectoryEntry>> {
  const root = await directory.unitAt(rootUnitId, date);
  if (!root) return new Map();
  return new Map([root, ...(await directory.descendantsOf(rootUnitId, date))].map((entry) => [entry.unitId, entry]));
}

function isSystemAdmin(identity: Identity): boolean {
  return identity.roles.includes(SYSTEM_ADMIN);
}

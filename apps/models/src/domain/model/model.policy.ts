import { type Caller, type Identity, type Role, SYSTEM_ADMIN, forbidden, requireCaller, requireRole } from '@antt/auth';
import { type DomainError } from '@antt/service-kit';
import { type UnitDirectory } from '@antt/unit-directory';

/** Roles that register models: a unit officer for its own unit, a level for the units of its subtree. */
export const MODEL_EDITOR_ROLES: readonly Role[] = ['UNIT_OFFICER', 'LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];

/** Roles that review, suspend and dissolve models: levels only, and only as the host's managing level. */
export const MODEL_MANAGER_ROLES: readonly Role[] = ['LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];

/**
 * Who may see and change models, on the unit directory as of the dates a change touches.
 *
 * Reading: the model's host lies inside the caller's jurisdiction on one of the dates read (today, the model's last status
 * date). Otherwise the model, or the unit, is answered exactly as one that does not exist.
 *
 * Placing (create, replicate): the host inside the jurisdiction on EVERY date from the founding date to today on which the tree
 * changes; outside on the founding date is answered as an unknown unit, outside from a later date is FORBIDDEN
 * OUTSIDE_JURISDICTION naming the date. A unit officer places models on its own unit only.
 *
 * Managing (review, suspend, dissolve): the caller is the host's managing level (the unit managing it, else its parent) or a
 * level above it, on every date the change touches, and never the host itself or a unit inside it.
 */
export class ModelPolicy {
  editor(caller: Caller): Identity {
    return requireRole(caller, MODEL_EDITOR_ROLES);
  }

  manager(caller: Caller): Identity {
    return requireRole(caller, MODEL_MANAGER_ROLES);
  }

  /** The catalogue of types is shared by every province: only a SYSTEM_ADMIN changes it. */
  cataloguer(caller: Caller): Identity {
    return requireRole(caller, [SYSTEM_ADMIN]);
  }

  async canRead(directory: UnitDirectory, caller: Caller, hostUnitId: string, dates: readonly string[]): Promise<boolean> {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity)) return true;
    for (const date of new Set(dates)) {
      if (await directory.isWithin(hostUnitId, identity.jurisdictionUnitId, date)) return true;
    }
    return false;
  }

  /** Whether the caller may read a unit's models and facts on one of `dates`. */
  async canReadUnit(directory: UnitDirectory, caller: Caller, unitId: string, dates: readonly string[]): Promise<boolean> {
    requireCaller(caller);
    // One statement for every date, judged by the same rule as a batch of units ({@link canReadUnitInChains}).
    return this.canReadUnitInChains(caller, await directory.ancestorsOfEach([...new Set(dates)].map((asOf) => ({ unitId, asOf }))));
  }

  /**
   * {@link canReadUnit} over chains already read (the unit and its ancestors on each date, empty where the unit did not exist):
   * a SYSTEM_ADMIN reads a unit that existed on one of the dates, anyone else one inside the jurisdiction on one of them.
   */
  canReadUnitInChains(caller: Caller, chains: ReadonlyArray<ReadonlyArray<{ unitId: string }>>): boolean {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity)) return chains.some((chain) => chain.length > 0);
    return chains.some((chain) => chain.some((entry) => entry.unitId === identity.jurisdictionUnitId));
  }

  async assertCanPlace(directory: UnitDirectory, identity: Identity, hostUnitId: string, from: string, to: string, absent: () => DomainError): Promise<void> {
    if (isSystemAdmin(identity)) return;
    const gap = await directory.firstDateOutside(hostUnitId, identity.jurisdictionUnitId, from, to);
    if (gap === from) throw absent();
    if (gap !== null) {
      throw forbidden('OUTSIDE_JURISDICTION', 'The change reaches a date on which the unit lies outside your jurisdiction.', { unitId: hostUnitId, date: gap });
    }
    const levelRole = identity.roles.some((role) => role !== 'UNIT_OFFICER' && MODEL_EDITOR_ROLES.includes(role));
    if (!levelRole && hostUnitId !== identity.jurisdictionUnitId) {
      throw forbidden('OWN_UNIT_ONLY', 'A unit officer registers models of its own unit only.', { unitId: hostUnitId });
    }
  }

  /**
   * Checks that the caller acts as the managing level of `hostUnitId` on each of `dates` (in order). A host outside the
   * jurisdiction on the first date is `absent()`; the host itself (or a unit inside it) is FORBIDDEN MODEL_REVIEWER_IS_HOST.
   */
  async assertManagingLevel(directory: UnitDirectory, identity: Identity, hostUnitId: string, dates: readonly string[], absent: () => DomainError): Promise<void> {
    if (isSystemAdmin(identity)) return;
    const jurisdiction = identity.jurisdictionUnitId;
    let first = true;
    for (const date of new Set(dates)) {
      const host = await directory.unitAt(hostUnitId, date);
      if (!host || !(await directory.isWithin(hostUnitId, jurisdiction, date))) {
        if (first) throw absent();
        throw forbidden('OUTSIDE_JURISDICTION', 'The change reaches a date on which the host lies outside your jurisdiction.', { unitId: hostUnitId, date });
      }
      first = false;
      if (await directory.isWithin(jurisdiction, hostUnitId, date)) {
        throw forbidden('MODEL_REVIEWER_IS_HOST', "A model is reviewed, suspended and dissolved by its host's managing level, never by the host.", {
          unitId: hostUnitId,
          date,
        });
      }
      const managing = host.managingUnitId ?? host.parentId;
      if (!managing || !(await directory.isWithin(managing, jurisdiction, date))) {
        throw forbidden('MANAGING_LEVEL_REQUIRED', "Only the host's managing level (or a level above it) may do this.", { unitId: hostUnitId, date });
      }
    }
  }

  /** The subtree root a caller's lists are cut to; null for SYSTEM_ADMIN. */
  listRoot(caller: Caller): string | null {
    const identity = requireCaller(caller);
    return isSystemAdmin(identity) ? null : identity.jurisdictionUnitId;
  }
}

function isSystemAdmin(identity: Identity): boolean {
  return identity.roles.includes(SYSTEM_ADMIN);
}

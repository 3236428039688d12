import { type Caller, type Identity, type JurisdictionChecker, type Role, SYSTEM_ADMIN, forbidden, readDecision, requireCaller, requireRole } from '@antt/auth';
import { type SubtreeScope } from './unit-query.types';
import { unitErrors } from './unit.errors';
import { type DatedInterval, type UnitReader } from './unit.repository';

/** Roles that may change the tree (ORG_ADMIN inside its jurisdiction, SYSTEM_ADMIN everywhere). */
export const UNIT_WRITE_ROLES: readonly Role[] = ['ORG_ADMIN', 'SYSTEM_ADMIN'];

/**
 * What one command does to one unit, for the write check: the unit, the period of its history the command rewrites
 * (`to` null = open-ended), and whether the unit is changed itself (`changed`) or only something is placed under it
 * or handed to it (a parent, a managing unit).
 */
export interface WriteReach {
  unitId: string;
  from: string;
  to: string | null;
  changed: boolean;
}

/**
 * Who may read and change units.
 *
 * Reading needs a signed-in caller and the unit inside the caller's jurisdiction subtree on the date asked about; lists
 * and searches are restricted to that subtree. Outside it, a unit is answered exactly as one that does not exist, and
 * so is an armed-forces unit to a role the read policy gives them in aggregates only ({@link UnitPolicy.hidesArmedForces}).
 *
 * Writing needs a write role and, below SYSTEM_ADMIN, every unit a command touches inside the jurisdiction on EVERY date
 * the command rewrites (a correction rewrites every later period, when the unit may have sat elsewhere). A unit changed
 * must lie strictly below the jurisdiction's own unit: changing that unit belongs to the level above. A unit something is
 * placed under may be the jurisdiction's unit itself. A unit outside the jurisdiction on the first date is reported as
 * not found; one that leaves it on a later date the command reaches is FORBIDDEN (OUTSIDE_JURISDICTION, with the date).
 */
export class UnitPolicy {
  constructor(private readonly jurisdiction: JurisdictionChecker) {}

  /** The subtree a caller may list; null when the caller sees everything. */
  readScope(caller: Caller): SubtreeScope | null {
    const identity = requireCaller(caller);
    return isSystemAdmin(identity) ? null : { rootId: identity.jurisdictionUnitId, includeRoot: true };
  }

  /**
   * Whether armed-forces units (police, military) are kept from the caller one by one: the read policy of `@antt/auth`
   * (READ_POLICY, ARMED_FORCES_UNIT) gives CITIZEN and EXTERNAL_READER them in aggregates only, so they are answered as
   * units that do not exist and left out of lists and searches.
   */
  hidesArmedForces(caller: Caller): boolean {
    return readDecision(requireCaller(caller).roles, 'ARMED_FORCES_UNIT') !== 'ALLOW';
  }

  /** Whether the caller may read the unit as it stands in `view` (armed-forces units aside), jurisdiction apart. */
  shows(caller: Caller, view: { version: { attributes: { armedForces: boolean | null } } }): boolean {
    return !(view.version.attributes.armedForces === true && this.hidesArmedForces(caller));
  }

  /** Whether the caller may read the unit on `asOf`. */
  async canRead(caller: Caller, unitId: string, asOf: string): Promise<boolean> {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity) || identity.jurisdictionUnitId === unitId) return true;
    return this.jurisdiction.isWithin(unitId, identity.jurisdictionUnitId, asOf);
  }

  /** The parts of [from, to) in which the caller may read the unit; null when it may read all of it. */
  async readableIntervals(caller: Caller, reader: UnitReader, unitId: string, from: string, to: string | null): Promise<DatedInterval[] | null> {
    const identity = requireCaller(caller);
    if (isSystemAdmin(identity)) return null;
    return reader.withinIntervals(unitId, identity.jurisdictionUnitId, from, to);
  }

  /** The caller, when it holds a write role; checked before any work, the jurisdiction inside the transaction. */
  writer(caller: Caller): Identity {
    return requireRole(caller, UNIT_WRITE_ROLES);
  }

  /** Checks every reach of a command against the caller's jurisdiction, read through `reader` (the command's transaction). */
  async assertCanWrite(reader: UnitReader, identity: Identity, reaches: readonly WriteReach[]): Promise<void> {
    if (isSystemAdmin(identity)) return;
    const root = identity.jurisdictionUnitId;
    for (const reach of reaches) {
      if (reach.changed && reach.unitId === root) {
        throw forbidden('JURISDICTION_ROOT', 'The unit that defines your jurisdiction is changed by the level above.', { unitId: root });
      }
      const within = await reader.withinIntervals(reach.unitId, root, reach.from, reach.to);
      const gap = firstGap(within, reach.from, reach.to);
      if (gap === null) continue;
      if (gap === reach.from) throw unitErrors.notFound({ unitId: reach.unitId });
      throw forbidden('OUTSIDE_JURISDICTION', 'The change reaches a period in which the unit lies outside your jurisdiction.', {
        unitId: reach.unitId,
        date: gap,
      });
    }
  }

  /** Creating a root (a province) is for SYSTEM_ADMIN only: nobody else has a jurisdiction above it. */
  assertCanCreateRoot(caller: Caller): Identity {
    return requireRole(caller, [SYSTEM_ADMIN]);
  }
}

/** The first date of [from, to) not covered by `intervals` (sorted, merged), or null when they cover it all. */
export function firstGap(intervals: readonly DatedInterval[], from: string, to: string | null): string | null {
  let cursor = from;
  for (const interval of intervals) {
    if (interval.to !== null && interval.to <= cursor) continue;
    if (interval.from > cursor) return cursor;
    if (interval.to === null) return null;
    cursor = interval.to;
    if (to !== null && cursor >= to) return null;
  }
  return to !== null && cursor >= to ? null : cursor;
}

function isSystemAdmin(identity: Identity): boolean {
  return identity.roles.includes(SYSTEM_ADMIN);
}

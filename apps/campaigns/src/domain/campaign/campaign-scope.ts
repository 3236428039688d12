import { type DirectoryEntry, type LineageLink, type LineageShare, type UnitDirectory } from '@antt/unit-directory';

/**
 * What a campaign's scope is on a date, followed through the lineage the unit directory keeps (ADR 0010, addendum "Scope
 * split by a reform"):
 * - the stored scope unit while it exists on the date;
 * - once it has ceased to exist, the hops of the day it ceased (dated on or before the date): its WHOLE successor when it
 *   has one (a merge, a reclassification: the successor's whole subtree), else every successor it went into in part (a
 *   split: one PARTIAL part per successor, in the event's order); over every generation;
 * - a PARTIAL part holds only what came from the split unit: a unit below the part on the date that, itself or through a
 *   unit it was made from, lay inside the split unit the day before the split (`from`). The directory cannot say which part
 *   of a successor came from where otherwise; this keeps an existing district that received one commune from bringing in
 *   its own communes;
 * - dissolved without successor (or not existing yet): no part, nothing lies inside the scope.
 */
export interface ScopePart {
  /** The unit, alive on the date, the scope leads to. */
  unitId: string;
  /** WHOLE when every hop from the stored scope unit was whole (the part's whole subtree); PARTIAL after a split. */
  share: LineageShare;
  /** The units walked from the stored scope unit to this one, both included (one id: the stored unit itself). */
  route: string[];
  /** Date of the last hop walked (null: the stored unit itself). */
  since: string | null;
  /** PARTIAL: the unit whose split first made the scope partial, and the day before that split (what the part keeps). */
  from: { unitId: string; before: string } | null;
}

/** The lineage a scope walk reads, as plain lookups (the async loader fills them from the directory; tests from data). */
export interface ScopeLineage {
  /** Whether the unit exists on the date the scope is asked for. */
  alive(unitId: string): boolean;
  /** The hops of the day the unit ceased to exist, dated on or before the date asked for ([] when there are none). */
  endingHops(unitId: string): readonly LineageLink[];
}

const MAX_HOPS = 32;

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The parts a scope unit leads to (pure: over the lineage given). Several routes to one unit keep the WHOLE one, else the
 * first; a route never walks a unit twice.
 */
export function followScope(scopeUnitId: string, lineage: ScopeLineage): ScopePart[] {
  const parts = new Map<string, ScopePart>();
  const visit = (part: ScopePart): void => {
    const unitId = part.unitId;
    if (lineage.alive(unitId)) {
      const held = parts.get(unitId);
      if (!held || (held.share === 'PARTIAL' && part.share === 'WHOLE')) parts.set(unitId, part);
      return;
    }
    if (part.route.length > MAX_HOPS) return;
    const hops = lineage.endingHops(unitId);
    const whole = hops.find((hop) => hop.share === 'WHOLE');
    const next = whole ? [whole] : [...hops].sort((a, b) => a.ordinal - b.ordinal);
    for (const hop of next) {
      if (part.route.includes(hop.toUnitId)) continue;
      const partial = part.share === 'PARTIAL' || hop.share === 'PARTIAL';
      visit({
        unitId: hop.toUnitId,
        share: partial ? 'PARTIAL' : 'WHOLE',
        route: [...part.route, hop.toUnitId],
        since: hop.effectiveDate,
        from: part.from ?? (hop.share === 'PARTIAL' ? { unitId, before: dayBefore(hop.effectiveDate) } : null),
      });
    }
  };
  visit({ unitId: scopeUnitId, share: 'WHOLE', route: [scopeUnitId], since: null, from: null });
  return [...parts.values()];
}

/** The single unit a list of parts names: the part when there is exactly one, else null (split, or nothing left). */
export function soleScopeUnit(parts: readonly ScopePart[]): string | null {
  return parts.length === 1 ? (parts[0] as ScopePart).unitId : null;
}

/**
 * Loads the lineage a scope walk needs from the directory (the units walked and their ending hops) and follows it. A hop
 * ends a unit when the unit no longer exists on the hop's date (a transfer it survived does not).
 */
export async function scopePartsOn(directory: UnitDirectory, campaign: { scopeUnitId: string }, date: string): Promise<ScopePart[]> {
  const alive = new Map<string, boolean>();
  const ending = new Map<string, LineageLink[]>();
  const pending = [campaign.scopeUnitId];
  for (let loaded = 0; pending.length > 0 && loaded <= MAX_HOPS * 4; loaded += 1) {
    const unitId = pending.shift() as string;
    if (alive.has(unitId)) continue;
    const isAlive = (await directory.unitAt(unitId, date)) !== null;
    alive.set(unitId, isAlive);
    if (isAlive) continue;
    const links = (await directory.lineageFrom(unitId)).filter((link) => link.effectiveDate <= date);
    const last = links[0]?.effectiveDate;
    const endedThen = last !== undefined && (await directory.unitAt(unitId, last)) === null;
    const hops = endedThen ? links.filter((link) => link.effectiveDate === last) : [];
    ending.set(unitId, hops);
    pending.push(...hops.map((hop) => hop.toUnitId));
  }
  return followScope(campaign.scopeUnitId, { alive: (id) => alive.get(id) ?? false, endingHops: (id) => ending.get(id) ?? [] });
}

/**
 * The unit a campaign's scope is on `date` when it is one unit: the scope unit while it exists, then the unit it went WHOLE
 * into (Thái Bình's campaign is Hưng Yên's from 2025-07-01), or the single part left; the stored scope unit when the scope
 * is split into several parts or nothing carries it (use {@link scopePartsOn} / {@link scopeContains} for those). Dates
 * are clamped into the period by the callers, so a closed 2024 campaign keeps its 2024 scope.
 */
export async function scopeOn(directory: UnitDirectory, campaign: { scopeUnitId: string }, date: string): Promise<string> {
  return soleScopeUnit(await scopePartsOn(directory, campaign, date)) ?? campaign.scopeUnitId;
}

/** Whether `unitId` came from `from.unitId`: it, or a unit it was made from, lay inside it on `from.before`. */
async function cameFrom(directory: UnitDirectory, unitId: string, from: { unitId: string; before: string }): Promise<boolean> {
  if (await directory.isWithin(unitId, from.unitId, from.before)) return true;
  for (const origin of await directory.originsOf(unitId, from.before)) {
    if (await directory.isWithin(origin.unitId, from.unitId, from.before)) return true;
  }
  return false;
}

/** Whether `unitId` lies inside the followed scope on `date` (a part's subtree; a PARTIAL part only what came from the split). */
export async function scopeContains(directory: UnitDirectory, parts: readonly ScopePart[], unitId: string, date: string): Promise<boolean> {
  for (const part of parts) {
    if (!(await directory.isWithin(unitId, part.unitId, date))) continue;
    if (part.from === null || (await cameFrom(directory, unitId, part.from))) return true;
  }
  return false;
}

/** The units of the followed scope on `date`, by id: the parts' subtrees, a PARTIAL part's cut to what came from the split. */
export async function scopeSubtreeOn(directory: UnitDirectory, parts: readonly ScopePart[], date: string): Promise<Map<string, DirectoryEntry>> {
  const units = new Map<string, DirectoryEntry>();
  for (const part of parts) {
    const root = await directory.unitAt(part.unitId, date);
    if (!root) continue;
    const below = [root, ...(await directory.descendantsOf(part.unitId, date))];
    if (part.from === null) {
      for (const entry of below) units.set(entry.unitId, entry);
      continue;
    }
    const before = new Set([part.from.unitId, ...(await directory.descendantsOf(part.from.unitId, part.from.before)).map((entry) => entry.unitId)]);
    for (const entry of below) {
      if (units.has(entry.unitId)) continue;
      if (before.has(entry.unitId) || (await directory.originsOf(entry.unitId, part.from.before)).some((origin) => before.has(origin.unitId))) {
        units.set(entry.unitId, entry);
      }
    }
  }
  return units;
}

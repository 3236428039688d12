import { type CalendarDate, isWithinPeriod } from '../shared/calendar-date';
import { type UnitAttributes, type UnitState, type UnitVersion } from './unit.types';

/** The version that holds on `date`, if the unit existed then. */
export function versionAt(timeline: readonly UnitVersion[], date: CalendarDate): UnitVersion | undefined {
  return timeline.find((v) => isWithinPeriod(date, v.validFrom, v.validTo));
}

export function latestVersion(timeline: readonly UnitVersion[]): UnitVersion {
  const last = timeline[timeline.length - 1];
  if (!last) throw new Error('A unit timeline is never empty');
  return last;
}

export function sameAttributes(a: UnitAttributes, b: UnitAttributes): boolean {
  return (
    a.enterpriseSize === b.enterpriseSize &&
    a.schoolLevel === b.schoolLevel &&
    a.armedForces === b.armedForces &&
    a.residentHouseholds === b.residentHouseholds &&
    a.staffCount === b.staffCount &&
    a.communeType === b.communeType
  );
}

export function sameState(a: UnitState, b: UnitState): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.parentId === b.parentId &&
    a.managingUnitId === b.managingUnitId &&
    sameAttributes(a.attributes, b.attributes)
  );
}

export function sameTimeline(a: readonly UnitVersion[], b: readonly UnitVersion[]): boolean {
  return (
    a.length === b.length &&
    a.every((v, i) => {
      const w = b[i];
      return w !== undefined && v.validFrom === w.validFrom && v.validTo === w.validTo && sameState(v, w);
    })
  );
}

/** Joins neighbouring versions that hold the same state, so that a timeline never has two identical periods in a row. */
export function coalesce(timeline: readonly UnitVersion[]): UnitVersion[] {
  const out: UnitVersion[] = [];
  for (const version of timeline) {
    const previous = out[out.length - 1];
    if (previous && previous.validTo === version.validFrom && sameState(previous, version)) {
      out[out.length - 1] = { ...previous, validTo: version.validTo };
    } else {
      out.push({ ...version });
    }
  }
  return out;
}

/**
 * Applies `change` to every period from `date` on: the version holding on `date` is cut there, later versions are
 * changed too. For an ordinary change `date` falls in the latest version; for a correction it rewrites history.
 */
export function applyFrom(
  timeline: readonly UnitVersion[],
  date: CalendarDate,
  change: (state: UnitState) => UnitState,
): UnitVersion[] {
  const out: UnitVersion[] = [];
  for (const version of timeline) {
    if (version.validTo !== null && version.validTo <= date) {
      out.push(version);
    } else if (version.validFrom < date) {
      out.push({ ...version, validTo: date });
      out.push({ ...version, ...change(version), validFrom: date });
    } else {
      out.push({ ...version, ...change(version) });
    }
  }
  return coalesce(out);
}

/** Ends the unit's life on `date` (exclusive): later versions are dropped, the one holding on `date` is closed. */
export function closeAt(timeline: readonly UnitVersion[], date: CalendarDate): UnitVersion[] {
  return timeline
    .filter((version) => version.validFrom < date)
    .map((version) => (version.validTo === null || version.validTo > date ? { ...version, validTo: date } : version));
}

/** The start of every period from `date` on (the dates on which the unit's state may differ). */
export function boundariesFrom(timeline: readonly UnitVersion[], date: CalendarDate): CalendarDate[] {
  return [date, ...timeline.map((v) => v.validFrom).filter((from) => from > date)];
}
